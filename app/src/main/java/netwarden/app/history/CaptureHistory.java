package netwarden.app.history;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netwarden.engine.EnginePort;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.Packet;
import netwarden.model.ingest.IngestPort;
import netwarden.sinks.route.EventRouter;
import netwarden.store.AddressInfo;
import netwarden.store.StoreConfig;
import netwarden.store.Table;

/**
 * One capture replayed into the store at full speed ({@code replay FILE --state-dir DIR}): its events go through
 * an event router to the store sink, as in {@code run}, and every snapshot the engine publishes becomes rollup
 * rows. Every row is kept (no retention: a capture's times are its own).
 *
 * <p>Design notes: {@link #tap} wraps the engine on its own thread and, after each call, turns a newly published
 * snapshot into rows (an identity check per call, so no closed second is missed however fast the file is read);
 * at the end of input it flushes the open minute and hour. {@link #close} waits until the writer has written
 * everything (up to {@code drain}), since a replay has no live pipeline to protect, then reports the counts.
 */
public final class CaptureHistory implements AutoCloseable {
    private final History history;
    private final EventRouter router;
    private final Duration drain;

    public CaptureHistory(StoreConfig config, Path stateDir, AddressInfo.Lookup lookup, Duration drain) {
        this.history = new History(config.withoutRetention(), stateDir, lookup, Clock.SYSTEM);
        this.router = new EventRouter(List.of(history.sink()));
        this.drain = drain;
    }

    /** Opens and migrates the store; throws {@link netwarden.store.StoreException} when it cannot. */
    public CaptureHistory start() {
        try {
            history.start(new PrometheusRegistry());
        } catch (java.io.IOException e) { // only an agent's spool throws it; a capture has none
            throw new java.io.UncheckedIOException(e);
        }
        router.start();
        return this;
    }

    /** The engine's listener: every event to {@code also} and to the store. */
    public EventListener listener(EventListener also) {
        return e -> {
            also.onEvent(e);
            router.onEvent(e);
        };
    }

    /** The engine as the replay's port, with the snapshots it publishes turned into rows on its own thread. */
    public IngestPort tap(EnginePort engine) {
        return new IngestPort() {
            private EngineSnapshot last = engine.published().get();

            private void check() {
                EngineSnapshot s = engine.published().get();
                if (s != last) {
                    last = s;
                    history.snapshot(s);
                }
            }

            @Override
            public void frame(Packet p, MemorySegment data, long frameOffset) {
                engine.frame(p, data, frameOffset);
                check();
            }

            @Override
            public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {
                engine.aggregate(p, packets, bytes, startNanos, endNanos);
                check();
            }

            @Override
            public void flow(FlowRecord record) {
                engine.flow(record);
                check();
            }

            @Override
            public void advanceTo(long nowNanos) {
                engine.advanceTo(nowNanos);
                check();
            }

            @Override
            public void endOfInput() {
                engine.endOfInput();
                history.flush(engine.published().get());
            }
        };
    }

    /** Rows written so far, all tables. */
    public long written() {
        long n = 0;
        for (Table t : Table.values()) n += history.metrics().rows(t);
        return n;
    }

    /** Rows lost so far (queue full, invalid, shutdown), all tables. */
    public long dropped() {
        long n = 0;
        for (Table t : Table.values())
            for (String reason : List.of("queue_full", "invalid", "shutdown")) n += history.metrics().dropped(t, reason);
        return n;
    }

    /** Hands over the last events, waits for the writer to write what is queued (up to the drain time), closes. */
    @Override
    public void close() {
        router.close(EventRouter.CLOSE_DEADLINE);
        history.awaitWritten(drain);
        history.close();
    }
}
