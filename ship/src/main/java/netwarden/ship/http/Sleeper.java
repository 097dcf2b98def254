package netwarden.ship.http;

import java.time.Duration;

/** Waiting, injected so tests can count and skip the waits. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper SYSTEM = d -> Thread.sleep(d);
}
