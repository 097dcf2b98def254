package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.SplittableRandom;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.Times;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;
import netwarden.testkit.Packets;
import org.junit.jupiter.api.Test;

/** The engine behind the handoff sees the same calls in the same order, so everything it reports is the same. */
class HandoffPortTest {
    static final long S = Times.NANOS_PER_SECOND;

    /** Players, a flood from many sources (an incident), an aggregate, a flow record, time advances, across batches. */
    static void feed(IngestPort port) {
        var rnd = new SplittableRandom(7);
        Packet p = new Packet();
        long t = Traffic.T0;
        for (int i = 0; i < 3 * HandoffPort.BATCH * HandoffPort.RING; i++) {
            boolean flood = i > 60_000 && i < 150_000;
            t += flood ? 20_000 : 200_000;
            int src = flood ? rnd.nextInt(50_000) : i % 5;
            p.copyFrom(Packets.of(Proto.UDP, Ip.ofV4(0xc6336400 | src).toString(), 40000 + (src & 7), "192.0.2.1", 27960, 100, t));
            port.frame(p, null, 0);
            if (i % 10_000 == 0) {
                port.aggregate(Packets.of(Proto.UDP, "203.0.113.9", 5000, "192.0.2.1", 27960, 0, 0), 50, 5000, t - 3 * S, t);
                port.flow(new FlowRecord(Ip.parse("10.9.9.9"), Ip.parse("203.0.113.10"), Ip.parse("192.0.2.1"), 6000, 27960,
                        Proto.UDP, 12_000, 100, 2, t - 2 * S, t, 0, 1, 2));
                port.advanceTo(t - S);
            }
        }
        port.endOfInput();
    }

    @Test
    void theEngineBehindTheHandoffReportsExactlyWhatItReportsFedDirectly() {
        EventLog directEvents = new EventLog(), handedEvents = new EventLog();
        // A still ticker: the detector's own cost in wall time is the one figure that may differ.
        Engine direct = new Engine(IngestPortTest.configWithArena(), directEvents, false, Map.of(), () -> 0L);
        Engine handed = new Engine(IngestPortTest.configWithArena(), handedEvents, false, Map.of(), () -> 0L);
        feed(direct);
        feed(new HandoffPort(handed, "test-engine"));
        assertThat(handedEvents.events).isNotEmpty().containsExactlyElementsOf(directEvents.events);
        assertThat(directEvents.of(Event.AttackStarted.class)).isNotEmpty();
        assertThat(handed.snapshot().toString()).isEqualTo(direct.snapshot().toString());
        assertThat(handed.snapshot().counters().packets()).isEqualTo(direct.snapshot().counters().packets());
    }

    @Test
    void aHandedOverFrameCarriesEveryFieldOfThePacket() throws IllegalAccessException {
        // Every public field set to a value of its own, so a field added to Packet but not to copyFrom fails here.
        Packet from = new Packet(), to = new Packet();
        int n = 1;
        for (Field f : Packet.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            if (f.getType() == long.class) f.setLong(from, 1_000_000_000_000L + n++);
            else if (f.getType() == int.class) f.setInt(from, 1000 + n++);
            else if (f.getType() == boolean.class) f.setBoolean(from, true);
            else throw new AssertionError("a Packet field of a type this test does not know: " + f);
        }
        to.copyFrom(from);
        for (Field f : Packet.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) assertThat(f.get(to)).as(f.getName()).isEqualTo(f.get(from));
        }
    }

    @Test
    void aTargetThatThrowsFailsTheNextCallInsteadOfHangingTheReader() {
        IngestPort broken = new IngestPort() {
            public void frame(Packet p, MemorySegment data, long frameOffset) { throw new IllegalArgumentException("boom"); }
            public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {}
            public void flow(FlowRecord record) {}
            public void advanceTo(long nowNanos) {}
            public void endOfInput() {}
        };
        HandoffPort port = new HandoffPort(broken, "test-broken");
        Packet p = Packets.of(Proto.UDP, "198.51.100.1", 1, "192.0.2.1", 2, 60, Traffic.T0);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100 * HandoffPort.BATCH; i++) port.frame(p, null, 0);
            port.endOfInput();
        }).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("boom");
    }

    @Test
    void nothingIsTakenAfterTheEnd() {
        HandoffPort port = new HandoffPort(new Engine(IngestPortTest.configWithArena(), e -> {}, false), "test-end");
        port.endOfInput();
        port.endOfInput(); // a second end is harmless
        assertThatThrownBy(() -> port.advanceTo(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> port.frame(new Packet(), null, 0)).isInstanceOf(IllegalStateException.class);
    }
}
