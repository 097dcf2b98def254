package netwarden.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netwarden.sources.file.FileReplaySource.Result;
import netwarden.sources.file.FileReplaySource.Speed;
import netwarden.testkit.FakeClock;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplaySourceTest {
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

    /** A sleeper that only moves the fake clock, and remembers what it was asked. */
    static final class FakeSleeper implements FileReplaySource.Sleeper {
        final FakeClock clock;
        final List<Long> sleeps = new ArrayList<>();

        FakeSleeper(FakeClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            clock.advanceNanos(nanos);
        }
    }

    @Test
    void maxSpeedDeliversEveryFrameInFileOrderWithoutSleeping() {
        FakeClock clock = new FakeClock(0);
        FakeSleeper sleeper = new FakeSleeper(clock);
        List<Integer> ports = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        Result r = new FileReplaySource(Speed.MAX, clock, sleeper).replay(capture(), (p, f) -> {
            ports.add(p.dstPort);
            frames.add(f.toArray(ValueLayout.JAVA_BYTE));
        });
        assertThat(ports).containsExactly(1, 2, 3, 4, 5);
        assertThat(frames.get(2)).isEqualTo(frame(3));
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(r).isEqualTo(new Result(5, "pcap-ns", List.of(1), null, false));
        assertThat(r.complete()).isTrue();
    }

    @Test
    void realtimeKeepsTheOriginalGapsRelativeToTheFirstPacket() {
        FakeClock clock = new FakeClock(42);
        FakeSleeper sleeper = new FakeSleeper(clock);
        List<Long> deliveredAt = new ArrayList<>();
        Result r = new FileReplaySource(Speed.REALTIME, clock, sleeper).replay(capture(), (p, f) -> {
            deliveredAt.add(clock.nanos() - 42);
            if (p.dstPort == 2) clock.advanceNanos(SECOND / 4); // a slow handler eats into the next gap
        });
        assertThat(r.frames()).isEqualTo(5);
        assertThat(sleeper.sleeps).containsExactly(SECOND, SECOND / 4, SECOND * 3 / 2);
        assertThat(deliveredAt).containsExactly(0L, SECOND, SECOND * 3 / 2, SECOND * 3 / 2, 3 * SECOND);
    }

    @Test
    void stopFromAnotherThreadEndsAfterTheCurrentPacket() {
        FakeClock clock = new FakeClock(0);
        FileReplaySource source = new FileReplaySource(Speed.MAX, clock, new FakeSleeper(clock));
        List<Integer> ports = new ArrayList<>();
        Result r = source.replay(capture(), (p, f) -> {
            ports.add(p.dstPort);
            if (p.dstPort == 2) {
                Thread stopper = Thread.ofPlatform().start(source::stop);
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertThat(ports).containsExactly(1, 2);
        assertThat(r.frames()).isEqualTo(2);
        assertThat(r.stopped()).isTrue();
        assertThat(r.complete()).isFalse();
        assertThat(source.stopRequested()).isTrue();
    }

    @Test
    void interruptDuringAWaitStopsTheReplay() {
        FakeClock clock = new FakeClock(0);
        FileReplaySource source = new FileReplaySource(Speed.REALTIME, clock, nanos -> {
            throw new InterruptedException("test");
        });
        List<Integer> ports = new ArrayList<>();
        Result r = source.replay(capture(), (p, f) -> ports.add(p.dstPort));
        assertThat(ports).containsExactly(1);
        assertThat(r.frames()).isEqualTo(1);
        assertThat(r.stopped()).isTrue();
        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
    }

    @Test
    void corruptRecordEndsTheReplayWithTheFramesBeforeIt() {
        byte[] file = PcapWriter.micros(1).record(T0, frame(7)).record(T0, frame(7)).record(T0, frame(7)).toByteArray();
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 3);
        List<Integer> ports = new ArrayList<>();
        Result r = new FileReplaySource(Speed.MAX).replay(MemorySegment.ofArray(cut), (p, f) -> ports.add(p.dstPort));
        assertThat(ports).containsExactly(7, 7);
        assertThat(r.frames()).isEqualTo(2);
        assertThat(r.error()).isNotNull();
        assertThat(r.error().record()).isEqualTo(3);
        assertThat(r.stopped()).isFalse();
    }

    @Test
    void unreadableHeaderDeliversNothing() {
        Result r = new FileReplaySource(Speed.MAX).replay(MemorySegment.ofArray("not a capture".getBytes()), (p, f) -> {
            throw new AssertionError("no packet expected");
        });
        assertThat(r.frames()).isZero();
        assertThat(r.format()).isNull();
        assertThat(r.error().decoder()).isEqualTo("capture");
    }

    @Test
    void replaysAFileByPath(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("c.pcapng.but-really-pcap"), capture().toArray(ValueLayout.JAVA_BYTE));
        List<Integer> ports = new ArrayList<>();
        Result r = new FileReplaySource(Speed.MAX).replay(file, (p, f) -> ports.add(p.dstPort));
        assertThat(r.complete()).isTrue();
        assertThat(ports).hasSize(5);
    }
}
