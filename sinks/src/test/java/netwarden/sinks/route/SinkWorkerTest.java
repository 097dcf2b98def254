package netwarden.sinks.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import netwarden.model.Clock;
import netwarden.sinks.metrics.MetricsExposition;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;

class SinkWorkerTest {
    /** A sink that records its batches and can be told to block or throw. */
    static final class Recording implements Sink<Integer> {
        final String name;
        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        final List<Long> ticks = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean throwing, flushed;
        volatile long deadline = Long.MAX_VALUE;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean accepts(Integer item) {
            return item >= 0;
        }

        @Override
        public void deliver(List<Integer> batch) throws Exception {
            entered.countDown();
            gate.await();
            if (throwing) throw new IllegalStateException("broken sink");
            batches.add(batch);
        }

        @Override
        public long nextDeadline() {
            return deadline;
        }

        @Override
        public void tick(long nowNanos) {
            ticks.add(nowNanos);
            deadline = Long.MAX_VALUE;
        }

        @Override
        public void flush() {
            flushed = true;
        }

        List<Integer> all() {
            List<Integer> out = new ArrayList<>();
            batches.forEach(out::addAll);
            return out;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(end);
            Thread.sleep(5);
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingAndTheDepthGaugeShowsTheQueue() {
        Recording sink = new Recording("full");
        SinkWorker<Integer> w = new SinkWorker<>(sink, SinkConfig.ofCapacity(3), Clock.SYSTEM); // not started: nothing drains
        SinkMetrics metrics = new SinkMetrics();
        PrometheusRegistry registry = new PrometheusRegistry();
        metrics.register(registry).track(w);
        for (int i = 0; i < 5; i++) w.offer(i);
        assertThat(w.offer(-1)).as("not wanted: no room taken, no drop").isTrue();
        assertThat(w.depth()).isEqualTo(3);
        assertThat(w.dropped()).isEqualTo(2);
        String text = new String(new MetricsExposition(registry).scrape(null).body(), StandardCharsets.UTF_8);
        assertThat(text).contains("netwarden_sink_queue_depth{sink=\"full\"} 3.0", "netwarden_sink_dropped_total{sink=\"full\"} 2.0");
        w.close(Duration.ofSeconds(1));
        assertThat(w.dropped()).as("what was still queued at close is dropped").isEqualTo(5);
        assertThat(w.offer(7)).isFalse();
        assertThat(w.dropped()).isEqualTo(6);
    }

    @Test
    void itemsArriveInOrderInBatchesNoLargerThanTheLimit() throws Exception {
        Recording sink = new Recording("batches");
        sink.gate = new CountDownLatch(1);
        SinkWorker<Integer> w = new SinkWorker<>(sink, SinkConfig.ofCapacity(100).withMaxBatch(4), Clock.SYSTEM);
        w.start();
        w.offer(0);
        sink.entered.await();
        for (int i = 1; i <= 10; i++) w.offer(i);
        sink.gate.countDown();
        w.close(Duration.ofSeconds(5));
        assertThat(sink.all()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(sink.batches.getFirst()).containsExactly(0);
        assertThat(sink.batches).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 4));
        assertThat(sink.batches.get(1)).as("what queued while the sink was busy comes as one full batch").hasSize(4);
        assertThat(w.delivered()).isEqualTo(11);
        assertThat(w.dropped()).isZero();
        assertThat(sink.flushed).isTrue();
    }

    @Test
    void aSinkThatThrowsIsCountedAndTheWorkerGoesOn() throws Exception {
        Recording sink = new Recording("broken");
        sink.throwing = true;
        SinkWorker<Integer> w = new SinkWorker<>(sink, SinkConfig.ofCapacity(10).withMaxBatch(1), Clock.SYSTEM);
        w.start();
        for (int i = 0; i < 3; i++) w.offer(i);
        await(() -> w.failed() == 3);
        sink.throwing = false;
        w.offer(3);
        w.close(Duration.ofSeconds(5));
        assertThat(sink.all()).containsExactly(3);
        assertThat(w.delivered()).isEqualTo(1);
        assertThat(w.failed()).isEqualTo(3);
    }

    @Test
    void aPartFailureCountsOnlyTheItemsItNames() throws Exception {
        Sink<Integer> half = new Sink<>() {
            public String name() {
                return "half";
            }

            public void deliver(List<Integer> batch) throws SinkException {
                throw new SinkException(1, "one of " + batch.size() + " not written", new java.io.IOException("disk full"));
            }
        };
        SinkWorker<Integer> w = new SinkWorker<>(half, SinkConfig.ofCapacity(10), Clock.SYSTEM);
        for (int i = 0; i < 3; i++) w.offer(i);
        w.start(); // all three are queued: one batch
        await(() -> w.failed() + w.delivered() == 3);
        w.close(Duration.ofSeconds(5));
        assertThat(w.failed()).isEqualTo(1);
        assertThat(w.delivered()).isEqualTo(2);
    }

    @Test
    void closeGivesUpAtTheDeadlineAndCountsWhatIsStillQueued() throws Exception {
        Recording sink = new Recording("hanging");
        sink.gate = new CountDownLatch(1); // never opened
        SinkWorker<Integer> w = new SinkWorker<>(sink, SinkConfig.ofCapacity(10).withMaxBatch(1), Clock.SYSTEM);
        w.start();
        w.offer(0);
        sink.entered.await();
        for (int i = 1; i <= 4; i++) w.offer(i);
        long t0 = System.nanoTime();
        w.close(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(w.dropped()).isEqualTo(4);
        assertThat(w.failed()).as("the batch in flight was interrupted").isEqualTo(1);
        assertThat(sink.flushed).as("no flush after the deadline").isFalse();
    }

    @Test
    void theSinksDeadlineRunsItsTickWithoutItems() throws Exception {
        FakeClock clock = new FakeClock();
        Recording sink = new Recording("ticking");
        sink.deadline = clock.nanos() + 5_000_000_000L;
        SinkWorker<Integer> w = new SinkWorker<>(sink, SinkConfig.ofCapacity(10).withMaxIdle(Duration.ofMillis(5)), clock);
        w.start();
        clock.advance(Duration.ofSeconds(4));
        w.offer(1);
        await(() -> w.delivered() == 1);
        assertThat(sink.ticks).as("not due yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        await(() -> !sink.ticks.isEmpty());
        assertThat(sink.ticks).containsExactly(clock.nanos());
        w.close(Duration.ofSeconds(5));
    }

    @Test
    void closingAnIdleWorkerDoesNotWaitForItsIdleTimeout() {
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            SinkWorker<Integer> w = new SinkWorker<>(new Recording("idle" + i), SinkConfig.ofCapacity(4).withMaxIdle(Duration.ofMinutes(1)), Clock.SYSTEM);
            w.start();
            w.close(Duration.ofSeconds(30));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void configIsChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SinkConfig(0, 1, Duration.ofSeconds(1)))
                .hasMessageContaining("queueCapacity must be between 1 and 10000000: 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SinkConfig(4, 5, Duration.ofSeconds(1)))
                .hasMessageContaining("maxBatch must be between 1 and queueCapacity (4): 5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SinkConfig(4, 1, Duration.ZERO))
                .hasMessageContaining("maxIdle must be positive");
        assertThat(SinkConfig.ofCapacity(3).maxBatch()).isEqualTo(3);
    }
}
