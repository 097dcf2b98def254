package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import netwarden.model.EventListener;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.ServiceSpec;
import netwarden.model.Ticker;
import netwarden.model.Times;
import netwarden.model.WindowStats;
import netwarden.model.ingest.FlowRecord;
import netwarden.testkit.Packets;
import org.junit.jupiter.api.Test;

/** Aggregates and flow records through the engine's port: spread over their span, sampling applied, sums exact. */
class IngestPortTest {
    static final long T0 = Traffic.T0;
    static final long S = Times.NANOS_PER_SECOND;
    static final Ip SERVER = Ip.parse("192.0.2.1");
    static final Ip CLIENT = Ip.parse("198.51.100.7");

    static Engine engine() {
        return new Engine(configWithArena(), EventListener.NONE, false);
    }

    static Packet toArena() {
        return Packets.of(Proto.UDP, CLIENT.toString(), 40000, SERVER.toString(), 27960, 100, 0);
    }

    static ServiceSnapshot arena(Engine e) {
        return e.snapshot().services().getFirst();
    }

    @Test
    void anAggregateOverFourSecondsIsSpreadByTheTimeInEachAndSumsExactly() {
        Engine e = engine();
        // 1001 packets from T0+0.5 s to T0+3.5 s: a sixth, a third, a third, a sixth of the time.
        e.aggregate(toArena(), 1001, 100_103, T0 + S / 2, T0 + 3 * S + S / 2);
        e.advanceTo(T0 + 10 * S);
        ServiceSnapshot a = arena(e);
        assertThat(a.packetsIn()).isEqualTo(1001);
        assertThat(a.bytesIn()).isEqualTo(100_103);
        assertThat(a.recent()).filteredOn(w -> w.packets() > 0).extracting(WindowStats::startSecond)
                .containsExactly(T0 / S, T0 / S + 1, T0 / S + 2, T0 / S + 3);
        assertThat(a.recent()).filteredOn(w -> w.packets() > 0).extracting(WindowStats::packets)
                .containsExactly(166L, 334L, 334L, 167L);
        assertThat(e.snapshot().counters().latePackets()).isZero();
    }

    @Test
    void anAggregateInsideOneSecondCountsThere() {
        Engine e = engine();
        e.aggregate(toArena(), 7, 700, T0 + S / 4, T0 + S / 4);
        e.advanceTo(T0 + 2 * S);
        assertThat(arena(e).recent()).extracting(WindowStats::packets).containsExactly(7L, 0L);
    }

    @Test
    void bytesOfASecondWithoutAWholePacketMoveOnSoNothingIsLost() {
        Engine e = engine();
        e.aggregate(toArena(), 2, 1000, T0, T0 + 9 * S);
        e.advanceTo(T0 + 20 * S);
        assertThat(arena(e).packetsIn()).isEqualTo(2);
        assertThat(arena(e).bytesIn()).isEqualTo(1000);
    }

    @Test
    void aSpanLongerThanAnHourIsSpreadOverItsLastHour() {
        Engine e = engine();
        long end = T0 + 10 * Spread.MAX_SECONDS * S;
        e.aggregate(toArena(), 3600, 360_000, 0, end); // a broken exporter clock: from 1970
        e.advanceTo(end + S);
        assertThat(arena(e).packetsIn()).isEqualTo(3600);
        assertThat(e.snapshot().asOfNanos()).isEqualTo(end + S);
    }

    @Test
    void aFlowRecordCountsWithItsSamplingRateOverItsSpan() {
        Engine e = engine();
        var r = new FlowRecord(Ip.parse("192.0.2.254"), CLIENT, SERVER, 40000, 27960, Proto.UDP, 12_000, 100, 10,
                T0, T0 + 2 * S - 1, -1, 3, 4);
        e.flow(r);
        e.advanceTo(T0 + 5 * S);
        ServiceSnapshot a = arena(e);
        assertThat(a.packetsIn()).isEqualTo(1000);
        assertThat(a.bytesIn()).isEqualTo(120_000);
        assertThat(a.recent()).filteredOn(w -> w.packets() > 0).extracting(WindowStats::packets).containsExactly(500L, 500L);
        assertThat(e.snapshot().counters().packets()).isEqualTo(1000);
    }

    /** Ten seconds of play, each second 10 packets each way as flow records of {@code rate}. */
    private static Engine played(long rate) {
        Engine e = engine();
        for (int s = 0; s < 10; s++) {
            long t = T0 + s * S + S / 2;
            e.flow(new FlowRecord(SERVER, CLIENT, SERVER, 40000, 27960, Proto.UDP, 1000 / rate, 10 / rate, rate, t, t, -1, -1, -1));
            e.flow(new FlowRecord(SERVER, SERVER, CLIENT, 27960, 40000, Proto.UDP, 1000 / rate, 10 / rate, rate, t, t, -1, -1, -1));
        }
        e.advanceTo(T0 + 12 * S);
        return e;
    }

    @Test
    void playersFromSampledFlowRecordsAreEstimatesAndFromUnsampledOnesAreNot() {
        var sampled = played(10).snapshot().players();
        assertThat(sampled).singleElement().satisfies(p -> {
            assertThat(p.address()).isEqualTo(CLIENT);
            assertThat(p.packetsIn()).isEqualTo(100);
            assertThat(p.estimated()).isTrue();
        });
        assertThat(played(1).snapshot().players()).singleElement().satisfies(p -> assertThat(p.estimated()).isFalse());
    }

    @Test
    void flowRecordsFromTheServiceCountAsItsAnswers() {
        Engine e = engine();
        e.flow(new FlowRecord(SERVER, CLIENT, SERVER, 40000, 27960, Proto.UDP, 1000, 10, 1, T0, T0, -1, -1, -1));
        e.flow(new FlowRecord(SERVER, SERVER, CLIENT, 27960, 40000, Proto.UDP, 3000, 10, 1, T0, T0, -1, -1, -1));
        e.advanceTo(T0 + 2 * S);
        assertThat(arena(e).packetsOut()).isEqualTo(10);
        assertThat(arena(e).bytesOut()).isEqualTo(3000);
    }

    @Test
    void flowRecordsRefuseWhatCannotBe() {
        assertThatThrownBy(() -> new FlowRecord(SERVER, CLIENT, SERVER, 1, 2, Proto.UDP, 1, 1, 0, T0, T0, -1, -1, -1))
                .hasMessageContaining("samplingRate must be at least 1: 0");
        assertThatThrownBy(() -> new FlowRecord(SERVER, CLIENT, SERVER, 1, 2, Proto.UDP, 1, 1, 1, T0, T0 - 1, -1, -1, -1))
                .hasMessageContaining("endNanos must not be before startNanos");
        assertThatThrownBy(() -> new FlowRecord(SERVER, CLIENT, Ip.parse("2001:db8::1"), 1, 2, Proto.UDP, 1, 1, 1, T0, T0, -1, -1, -1))
                .hasMessageContaining("one family");
        assertThatThrownBy(() -> new FlowRecord(SERVER, CLIENT, SERVER, 1, 2, Proto.UDP, 1, 1, 1, -5, T0, -1, -1, -1))
                .hasMessageContaining("startNanos must not be negative: -5");
        var huge = new FlowRecord(SERVER, CLIENT, SERVER, 1, 2, Proto.UDP, Long.MAX_VALUE / 2, 1, 4, T0, T0, -1, -1, -1);
        assertThat(huge.scaledBytes()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theDetectorsCostIsMeasuredOnTheInjectedTicker() {
        long[] now = {0};
        Ticker ticker = () -> now[0] += 1000; // each read is 1000 ns after the one before
        Engine e = new Engine(configWithArena(), EventListener.NONE, false, Map.of(), ticker);
        Packet p = toArena();
        p.tsNanos = T0;
        e.onPacket(p);
        e.advanceTo(T0 + S);
        var counters = e.snapshot().detection();
        assertThat(counters.evaluations()).isPositive();
        assertThat(counters.evaluationNanos()).isEqualTo(10 * 1000); // ten 100 ms slots closed, one tick each
    }

    static EngineConfig configWithArena() {
        var d = EngineConfig.defaults();
        return new EngineConfig(List.of(new ServiceSpec("arena", new ServiceKey(SERVER, Proto.UDP, 27960), null)),
                d.discovery(), d.players(), d.windows(), d.flowCapacity());
    }
}
