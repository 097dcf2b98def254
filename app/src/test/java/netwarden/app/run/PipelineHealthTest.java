package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.server.Health;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;

/** The verdicts of {@code /healthz}, with a fake clock and hand-published snapshots. */
class PipelineHealthTest {
    private final FakeClock clock = new FakeClock(0);
    private final AtomicReference<EngineSnapshot> published = new AtomicReference<>(EngineSnapshot.EMPTY);
    private final Thread running = Thread.currentThread();

    private PipelineHealth health(boolean finite) {
        return new PipelineHealth(published::get, finite, clock, Duration.ofSeconds(30));
    }

    private void closeASecond(long second) {
        published.set(new EngineSnapshot(second * 1_000_000_000L, List.of(), List.of(), EngineCounters.ZERO));
    }

    @Test
    void okWhileSecondsCloseStalledWhenNoneHasFor30Seconds() {
        try (PipelineHealth h = health(false)) {
            assertThat(h.get()).isEqualTo(Health.unhealthy("starting", "the pipeline has not started yet"));
            h.started(running);
            for (int s = 1; s <= 10; s++) { // a live source: a second closes every 20 s of wall time here, still fine
                clock.advance(Duration.ofSeconds(20));
                closeASecond(s);
                h.sample();
                assertThat(h.get()).isEqualTo(Health.OK);
            }
            clock.advance(Duration.ofSeconds(30));
            assertThat(h.get()).as("exactly the limit").isEqualTo(Health.OK);
            clock.advance(Duration.ofSeconds(1));
            Health stalled = h.get();
            assertThat(stalled.healthy()).isFalse();
            assertThat(stalled.status()).isEqualTo("stalled");
            assertThat(stalled.reason()).isEqualTo("no second closed for 31 s while the source is live (limit 30 s): the pipeline is stuck");
            closeASecond(11);
            assertThat(h.get()).as("it moves again").isEqualTo(Health.OK);
        }
    }

    @Test
    void aFileReadToItsEndIsDoneALiveSourceThatEndsIsStopped() {
        try (PipelineHealth file = health(true); PipelineHealth live = health(false)) {
            file.started(running);
            live.started(running);
            file.ended(null);
            live.ended(null);
            clock.advance(Duration.ofHours(1)); // no second closes after the end: not a stall
            assertThat(file.get()).isEqualTo(Health.healthy("done", "the capture file was read to its end; its final state is served"));
            assertThat(live.get()).isEqualTo(Health.unhealthy("stopped", "the packet source ended; nothing is processed any more"));
        }
    }

    @Test
    void aFailedSourceADeadThreadAndShutdownAre503WithTheReason() throws Exception {
        try (PipelineHealth failed = health(true); PipelineHealth dead = health(false); PipelineHealth stopping = health(false)) {
            failed.started(running);
            failed.ended(new IOException("interface eth9 went away"));
            assertThat(failed.get()).isEqualTo(Health.unhealthy("failed", "the packet source stopped with an error: interface eth9 went away"));
            failed.ended(new OutOfMemoryError());
            assertThat(failed.get().reason()).isEqualTo("the packet source stopped with an error: java.lang.OutOfMemoryError");

            Thread gone = Thread.ofPlatform().start(() -> {});
            gone.join();
            dead.started(gone);
            assertThat(dead.get()).isEqualTo(Health.unhealthy("dead", "the pipeline thread died without ending the packet source"));

            stopping.started(running);
            stopping.stopping();
            assertThat(stopping.get()).isEqualTo(Health.unhealthy("stopping", "netwarden is shutting down"));
        }
    }
}
