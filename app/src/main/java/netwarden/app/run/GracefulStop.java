package netwarden.app.run;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a long-running command ({@code run}, {@code demo}) stops: its close action runs exactly once,
 * whoever asks first — the command itself, SIGTERM/SIGINT, or the JVM's shutdown hook — and every
 * asker can wait until it has finished. With signal handlers installed, SIGTERM and SIGINT start the
 * close action on a thread of its own, so the command ends through its normal path and exits 0.
 * Without a handler the JVM only runs its shutdown hooks and exits with 128 + the signal (143, 130),
 * which systemd and scripts read as a failure.
 *
 * <p>Design notes: {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only signal API.
 * It is reached by reflection because javac warns about every direct use and the warning cannot be
 * suppressed; where it is missing, nothing is installed and the shutdown hook still stops cleanly.
 * Handlers are installed only when the command owns the process: in-process tests never take their
 * JVM's signals.
 */
public final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final Runnable close;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private GracefulStop(Runnable close) {
        this.close = close;
        this.hook = Thread.ofPlatform().name("netwarden-shutdown").unstarted(() -> {
            stop();
            awaitQuietly();
        });
    }

    /** Registers {@code close} with a shutdown hook and, when {@code signals}, with SIGTERM and SIGINT. */
    public static GracefulStop install(Runnable close, boolean signals) {
        GracefulStop stop = new GracefulStop(close);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        if (signals) installSignalHandlers(stop::stop);
        return stop;
    }

    /**
     * Runs the close action unless it already ran or is running; returns at once in that case. Once
     * closed, the shutdown hook is withdrawn, so a command run in a longer-lived JVM (tests) leaves
     * nothing behind.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) return;
        try {
            close.run();
        } finally {
            stopped.countDown();
            if (Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shutdownBegan) {
                    // the JVM is exiting: the hook runs and finds the work done
                }
            }
        }
    }

    /** True once a stop began (from any asker). */
    public boolean stopping() {
        return stopping.get();
    }

    /** Waits until the close action has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Installs the handlers; where this JDK offers no signal API, the JVM's defaults stay. */
    private static void installSignalHandlers(Runnable stop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handler);
            Object onSignal = Proxy.newProxyInstance(GracefulStop.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) return objectMethod(proxy, method, args);
                LOG.info("received {}", args[0]); // prints as SIGTERM, SIGINT
                Thread.ofPlatform().name("netwarden-stop").start(stop);
                return null;
            });
            for (String name : new String[] {"TERM", "INT"}) handle.invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("no signal handlers ({}); SIGTERM exits through the shutdown hook with status 143", e.toString());
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "GracefulStop";
        };
    }
}
