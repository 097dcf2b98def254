package netwarden.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Packet;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;
import netwarden.sources.file.CaptureFileInput.Speed;
import netwarden.sources.ingest.IngestLoop;
import netwarden.testkit.FakeClock;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;

/** A capture file through the one ingest loop, at full speed and paced on a fake clock. */
class CaptureFileInputTest {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;

    static byte[] frame(int dstPort) {
        return Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0.1", "10.0.0.2")
                .packet(Frames.UDP, Frames.udp(1, dstPort, new byte[4])));
    }

    /** Packets at T0, T0+1s, T0+1.5s, T0+0.5s (out of order), T0+3s, ports 1..5. */
    static MemorySegment capture() {
        long[] offsets = {0, SECOND, SECOND * 3 / 2, SECOND / 2, 3 * SECOND};
        PcapWriter w = new PcapWriter(true, java.nio.ByteOrder.LITTLE_ENDIAN, 1, 65535);
        for (int i = 0; i < offsets.length; i++) w.record(T0 + offsets[i], frame(i + 1));
        return MemorySegment.ofArray(w.toByteArray());
    }

    /** Records what the loop writes to the port. */
    static final class Recorder implements IngestPort {
        final FakeClock clock;
        final List<Integer> ports = new ArrayList<>();
        final List<Long> deliveredAt = new ArrayList<>();
        final List<byte[]> frames = new ArrayList<>();
        final List<Integer> linkTypes = new ArrayList<>();
        final List<Long> advances = new ArrayList<>();
        int ends;

        Recorder(FakeClock clock) {
            this.clock = clock;
        }

        @Override
        public void frame(Packet p, MemorySegment data, long frameOffset) {
            ports.add(p.dstPort);
            linkTypes.add(p.linkType);
            deliveredAt.add(clock.nanos());
            frames.add(data.asSlice(frameOffset, p.capLen).toArray(ValueLayout.JAVA_BYTE));
        }

        @Override
        public void aggregate(Packet p, long packets, long bytes, long startNanos, long endNanos) {
            throw new AssertionError("a file has no aggregates");
        }

        @Override
        public void flow(FlowRecord record) {
            throw new AssertionError("a file has no flow records");
        }

        @Override
        public void advanceTo(long nowNanos) {
            advances.add(nowNanos);
        }

        @Override
        public void endOfInput() {
            ends++;
        }
    }

    @Test
    void maxSpeedDeliversEveryFrameInFileOrderWithoutWaitingOrAdvancing() throws Exception {
        FakeClock clock = new FakeClock(0);
        Recorder port = new Recorder(clock);
        CaptureFileInput input = new CaptureFileInput(capture(), Speed.MAX, clock, nanos -> {
            throw new AssertionError("slept " + nanos);
        });
        assertThat(IngestLoop.run(input, port, () -> false, clock)).isEqualTo(IngestLoop.End.INPUT_OVER);
        assertThat(port.ports).containsExactly(1, 2, 3, 4, 5);
        assertThat(port.linkTypes).containsOnly(1);
        assertThat(port.frames.get(2)).isEqualTo(frame(3));
        assertThat(port.advances).isEmpty();
        assertThat(input.frames()).isEqualTo(5);
        assertThat(input.format()).isEqualTo("pcap-ns");
        assertThat(input.linkTypes()).containsExactly(1);
        assertThat(input.complete()).isTrue();
    }

    @Test
    void replayEndsTheInputOnce() {
        Recorder port = new Recorder(new FakeClock(0));
        assertThat(CaptureFileInput.replay(port, capture())).isNull();
        assertThat(port.ports).hasSize(5);
        assertThat(port.ends).isEqualTo(1);
    }

    @Test
    void realtimeKeepsTheGapsAndAdvancesTimeWhileWaitingButNeverPastTheNextFrame() throws Exception {
        FakeClock clock = new FakeClock(42);
        Recorder port = new Recorder(clock);
        List<Long> sleeps = new ArrayList<>();
        CaptureFileInput input = new CaptureFileInput(capture(), Speed.REALTIME, clock, nanos -> {
            sleeps.add(nanos);
            clock.advanceNanos(nanos);
        });
        IngestLoop.run(input, port, () -> false, clock);
        assertThat(port.deliveredAt).containsExactly(42L, 42 + SECOND, 42 + SECOND * 3 / 2, 42 + SECOND * 3 / 2, 42 + 3 * SECOND);
        assertThat(sleeps).allMatch(n -> n > 0 && n <= 200_000_000L);
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(3 * SECOND);
        assertThat(port.advances).isSorted().contains(T0 + 2 * SECOND).allMatch(t -> t < T0 + 3 * SECOND);
    }

    @Test
    void aStopDuringAWaitEndsTheLoopWithoutTheRemainingFrames() throws Exception {
        FakeClock clock = new FakeClock(0);
        Recorder port = new Recorder(clock);
        CaptureFileInput input = new CaptureFileInput(capture(), Speed.REALTIME, clock, clock::advanceNanos);
        assertThat(IngestLoop.run(input, port, () -> clock.nanos() > SECOND * 5 / 4, clock)).isEqualTo(IngestLoop.End.STOPPED);
        assertThat(port.ports).containsExactly(1, 2);
        assertThat(input.complete()).isFalse();
    }

    @Test
    void interruptDuringAWaitStopsTheLoopAndKeepsTheInterrupt() throws Exception {
        FakeClock clock = new FakeClock(0);
        Recorder port = new Recorder(clock);
        CaptureFileInput input = new CaptureFileInput(capture(), Speed.REALTIME, clock, nanos -> {
            throw new InterruptedException("test");
        });
        assertThat(IngestLoop.run(input, port, () -> false, clock)).isEqualTo(IngestLoop.End.STOPPED);
        assertThat(port.ports).containsExactly(1);
        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
    }

    @Test
    void corruptRecordEndsTheInputWithTheFramesBeforeIt() {
        byte[] file = PcapWriter.micros(1).record(T0, frame(7)).record(T0, frame(7)).record(T0, frame(7)).toByteArray();
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 3);
        Recorder port = new Recorder(new FakeClock(0));
        var error = CaptureFileInput.replay(port, MemorySegment.ofArray(cut));
        assertThat(port.ports).containsExactly(7, 7);
        assertThat(error).isNotNull();
        assertThat(error.record()).isEqualTo(3);
        assertThat(port.ends).isEqualTo(1);
    }

    @Test
    void unreadableHeaderDeliversNothing() {
        Recorder port = new Recorder(new FakeClock(0));
        CaptureFileInput input = new CaptureFileInput(MemorySegment.ofArray("not a capture".getBytes()));
        assertThat(input.deliver(port, 10)).isEqualTo(CaptureFileInput.END);
        assertThat(port.ports).isEmpty();
        assertThat(input.format()).isNull();
        assertThat(input.error().decoder()).isEqualTo("capture");
    }
}
