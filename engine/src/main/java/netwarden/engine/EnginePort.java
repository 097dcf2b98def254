package netwarden.engine;

import java.util.Map;
import java.util.function.Supplier;
import netwarden.engine.detect.BaselineState;
import netwarden.model.EngineSnapshot;
import netwarden.model.ingest.IngestPort;
import netwarden.model.ingest.ServiceRegistry;

/**
 * The engine as the runtime sees it, one {@link Engine} or a {@link ShardedEngine} of several: the
 * input port, the service registry, and what comes out (snapshots, baselines). Every method but
 * {@link #published} and {@link #ownPackets} belongs to the thread that feeds the port.
 */
public interface EnginePort extends IngestPort, ServiceRegistry {
    /** End of live input: closes the open second and publishes the final snapshot; attacks stay open. */
    default void finish() {
        finish(false);
    }

    /** End of input; with {@code endAttacks} (a replayed file is over) every open incident ends where its traffic ended. */
    void finish(boolean endAttacks);

    /** The state now, built on the feeding thread. */
    EngineSnapshot snapshot();

    /** Thread-safe access to the latest published snapshot. */
    Supplier<EngineSnapshot> published();

    /** Learned detection baselines, to persist and pass to the next run's constructor. */
    Map<String, BaselineState> baselines();

    /** Packets of netwarden's own conversations dropped before counting; any thread. */
    long ownPackets();

    /**
     * One engine, or {@code config.shards()} of them behind a {@link ShardedEngine}.
     * {@code stableFrames}: the frames' bytes stay valid until the end of input (a mapped file), so
     * shards need not copy them.
     */
    static EnginePort create(EngineConfig config, netwarden.model.EventListener events, boolean publishEachSecond,
                             Map<String, BaselineState> baselines, boolean stableFrames) {
        if (config.shards() <= 1) return new Engine(config, events, publishEachSecond, baselines);
        return new ShardedEngine(config, events, publishEachSecond, baselines, config.shards(), stableFrames);
    }
}
