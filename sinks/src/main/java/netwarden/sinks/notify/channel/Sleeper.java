package netwarden.sinks.notify.channel;

import java.time.Duration;

/** Waiting between retries, injected so tests need not sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper SYSTEM = d -> {
        if (d.isPositive()) Thread.sleep(d);
    };
}
