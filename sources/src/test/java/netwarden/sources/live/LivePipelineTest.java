package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.ServiceSpec;
import netwarden.model.Times;
import netwarden.model.WindowStats;
import netwarden.testkit.FakeClock;
import netwarden.testkit.Frames;
import org.junit.jupiter.api.Test;

class LivePipelineTest {
    static final long CLOSE_DELAY = Duration.ofMillis(250).toNanos();

    /** A source the test feeds by hand through the rings it got at start. */
    static final class HandSource implements LiveSource {
        final CaptureCounters counters = new CaptureCounters("test", "hand0");
        FrameRing frames;
        AggregateRing aggregates;
        volatile CaptureException failure;
        volatile boolean closed;
        CaptureException failOnStart;

        @Override public String kind() { return "test"; }
        @Override public String interfaceName() { return "hand0"; }
        @Override public long closeDelayNanos() { return CLOSE_DELAY; }
        @Override public List<CaptureCounters> counters() { return List.of(counters); }
        @Override public CaptureException failure() { return failure; }
        @Override public void close() { closed = true; }

        @Override
        public void start(Handoff handoff) throws CaptureException {
            if (failOnStart != null) throw failOnStart;
            frames = handoff.frameRing(1 << 16, 256, counters);
            aggregates = handoff.aggregateRing(64, counters);
        }
    }

    private static Engine engine() {
        var game = new ServiceSpec("game", new ServiceKey(Ip.parse("10.0.0.1"), 17, 27960), null);
        return new Engine(new EngineConfig(List.of(game), DiscoveryConfig.defaults(), PlayerConfig.defaults(), WindowConfig.defaults(), 1000),
                e -> {}, true);
    }

    private static MemorySegment udpFrame(String src) {
        return MemorySegment.ofArray(Frames.ethernet(Frames.ETH_IPV4,
                Frames.ipv4(src, "10.0.0.1").packet(Frames.UDP, Frames.udp(5000, 27960, new byte[20]))));
    }

    private static ServiceSnapshot await(Engine engine, long second, BooleanSupplier extra) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            EngineSnapshot s = engine.published().get();
            ServiceSnapshot game = s.services().isEmpty() ? null : s.services().getFirst();
            if (game != null && game.lastWindow() != null && game.lastWindow().startSecond() >= second && extra.getAsBoolean()) return game;
            Thread.sleep(5);
        }
        throw new AssertionError("second " + second + " never closed");
    }

    @Test
    void aSecondClosesOnlyAfterTheSourcesCloseDelayAndCountsFramesAndAggregates() throws Exception {
        long s0 = 1_800_000_000L;
        FakeClock clock = new FakeClock(s0 * Times.NANOS_PER_SECOND + 500_000_000L);
        HandSource source = new HandSource();
        Engine engine = engine();
        try (LivePipeline pipeline = new LivePipeline(List.of(source), clock)) {
            assertThat(pipeline.closeDelayNanos()).isEqualTo(CLOSE_DELAY);
            pipeline.start(engine);
            MemorySegment f = udpFrame("192.0.2.7");
            for (int i = 0; i < 10; i++)
                source.frames.offer(s0 * Times.NANOS_PER_SECOND + 600_000_000L + i, (int) f.byteSize(), 1, f, 0, (int) f.byteSize());
            Packet agg = new Packet();
            agg.tsNanos = s0 * Times.NANOS_PER_SECOND + 900_000_000L;
            agg.ipVersion = 4;
            agg.proto = 17;
            agg.setV4(Ip.parse("192.0.2.8").v4(), Ip.parse("10.0.0.1").v4());
            agg.dstPort = 27960;
            source.aggregates.offer(agg, 5, 500);
            source.aggregates.publish();

            clock.set((s0 + 1) * Times.NANOS_PER_SECOND + CLOSE_DELAY - 1); // second s0 ended, but not its delay
            Thread.sleep(300);
            EngineSnapshot early = engine.published().get();
            assertThat(early.services().isEmpty() || early.services().getFirst().lastWindow() == null
                    || early.services().getFirst().lastWindow().startSecond() < s0).as("closed too early").isTrue();

            clock.set((s0 + 1) * Times.NANOS_PER_SECOND + CLOSE_DELAY);
            ServiceSnapshot game = await(engine, s0, () -> true);
            WindowStats w = game.lastWindow();
            assertThat(w.startSecond()).isEqualTo(s0);
            assertThat(w.packets()).isEqualTo(15);
            assertThat(w.bytes()).isEqualTo(10 * f.byteSize() + 500);
            assertThat(w.distinctSources()).isEqualTo(2);
        }
        assertThat(source.closed).isTrue();
    }

    @Test
    void aFailingSourceStopsThePipelineAndIsReported() throws Exception {
        FakeClock clock = new FakeClock();
        HandSource source = new HandSource();
        LivePipeline pipeline = new LivePipeline(List.of(source), clock);
        pipeline.start(engine());
        source.failure = new CaptureException("pcap capture on hand0 stopped: interface went away");
        clock.advance(Duration.ofSeconds(1));
        long until = System.nanoTime() + 5_000_000_000L;
        while (pipeline.failure() == null && System.nanoTime() < until) Thread.sleep(5);
        assertThat(pipeline.failure()).isSameAs(source.failure);
        assertThat(source.closed).isTrue();
        pipeline.close();
    }

    @Test
    void aSourceThatCannotStartClosesTheOnesAlreadyStarted() {
        HandSource good = new HandSource(), bad = new HandSource();
        bad.failOnStart = new CaptureException("pcap capture on eth9 failed: No such device exists");
        LivePipeline pipeline = new LivePipeline(List.of(good, bad), new FakeClock());
        assertThatThrownBy(pipeline::open).isSameAs(bad.failOnStart);
        assertThat(good.closed).isTrue();
        assertThatThrownBy(() -> new LivePipeline(List.of(), new FakeClock())).hasMessageContaining("at least one source");
    }

    @Test
    void runOnTheCallersThreadEndsWhenAskedAndDeliversWhatWasQueued() throws Exception {
        long s0 = 1_800_000_000L;
        FakeClock clock = new FakeClock(s0 * Times.NANOS_PER_SECOND);
        HandSource source = new HandSource();
        Engine engine = engine();
        LivePipeline pipeline = new LivePipeline(List.of(source), clock);
        pipeline.open();
        MemorySegment f = udpFrame("192.0.2.9");
        for (int i = 0; i < 3; i++) source.frames.offer(s0 * Times.NANOS_PER_SECOND + i, (int) f.byteSize(), 1, f, 0, (int) f.byteSize());
        boolean[] asked = {false};
        pipeline.run(engine, () -> asked[0] = true); // stops at the first check; queued frames still reach the engine
        engine.finish();
        assertThat(engine.snapshot().services().getFirst().packetsIn()).isEqualTo(3);
        assertThat(source.closed).isTrue();
    }
}
