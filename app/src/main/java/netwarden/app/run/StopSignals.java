package netwarden.app.run;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT as a request to stop: each starts {@code stop} on a thread of its own, so
 * {@code run} and {@code demo} end through their normal path and exit 0. Without a handler the JVM only runs its
 * shutdown hooks and exits with 128 + the signal (143, 130), which systemd and scripts read as a
 * failure.
 *
 * <p>Design notes: {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only signal API.
 * It is reached by reflection because javac warns about every direct use and the warning cannot be
 * suppressed; where it is missing, nothing is installed and the shutdown hook still stops cleanly.
 */
public final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {}

    /** Installs the handlers; false when this JDK offers no signal API (the JVM's defaults stay). */
    public static boolean install(Runnable stop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handler);
            Object onSignal = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) return objectMethod(proxy, method, args);
                LOG.info("received {}", args[0]); // prints as SIGTERM, SIGINT
                Thread.ofPlatform().name("netwarden-stop").start(stop);
                return null;
            });
            for (String name : new String[] {"TERM", "INT"}) handle.invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("no signal handlers ({}); SIGTERM exits through the shutdown hook with status 143", e.toString());
            return false;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "StopSignals";
        };
    }
}
