package netwarden.console;

import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;

/** "Now" for time ranges: the engine's packet time (a replayed capture's own clock), else the wall clock. */
final class Now {
    private Now() {}

    static long ms(Supplier<EngineSnapshot> live) {
        long asOf = live.get().asOfNanos();
        return asOf > 0 ? asOf / 1_000_000 : System.currentTimeMillis();
    }
}
