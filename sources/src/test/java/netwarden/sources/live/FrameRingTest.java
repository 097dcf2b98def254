package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameRingTest {
    record Seen(long ts, int capLen, int wireLen, int linkType, byte first, byte last) {}

    private static List<Seen> drain(FrameRing ring, int max) {
        List<Seen> out = new ArrayList<>();
        ring.drain((MemorySegment d, long off, int cap, int wire, int link, long ts) ->
                out.add(new Seen(ts, cap, wire, link, d.get(ValueLayout.JAVA_BYTE, off), d.get(ValueLayout.JAVA_BYTE, off + cap - 1))), max);
        return out;
    }

    private static MemorySegment frame(int len, int mark) {
        byte[] b = new byte[len];
        b[0] = (byte) mark;
        b[len - 1] = (byte) (mark + 1);
        return MemorySegment.ofArray(b);
    }

    @Test
    void framesComeOutInOrderWithTheirMetadata() {
        CaptureCounters c = new CaptureCounters("pcap", "eth0");
        AtomicInteger wakeups = new AtomicInteger();
        FrameRing ring = new FrameRing(4096, 256, c, wakeups::incrementAndGet);
        for (int i = 0; i < 5; i++) assertThat(ring.offer(1000 + i, 60 + i, 1, frame(60 + i, i), 0, 60 + i)).isTrue();
        List<Seen> seen = drain(ring, 3);
        assertThat(seen).containsExactly(new Seen(1000, 60, 60, 1, (byte) 0, (byte) 1), new Seen(1001, 61, 61, 1, (byte) 1, (byte) 2),
                new Seen(1002, 62, 62, 1, (byte) 2, (byte) 3));
        assertThat(drain(ring, 10)).hasSize(2);
        assertThat(ring.isEmpty()).isTrue();
        assertThat(wakeups.get()).as("a trickle does not wake the pipeline").isZero();
        for (int i = 0; i < FrameRing.WAKE_EVERY; i++) ring.offer(i, 60, 1, frame(60, i), 0, 60);
        assertThat(wakeups.get()).as("a burst wakes it once").isEqualTo(1);
    }

    @Test
    void aFullRingDropsAndCountsInsteadOfBlocking() {
        CaptureCounters c = new CaptureCounters("pcap", "eth0");
        FrameRing ring = new FrameRing(1024, 200, c, () -> {});
        int accepted = 0;
        for (int i = 0; i < 100; i++) if (ring.offer(i, 200, 1, frame(200, i), 0, 200)) accepted++;
        assertThat(accepted).isBetween(1, 8);
        assertThat(c.drops(CaptureCounters.HANDOFF)).isEqualTo(100 - accepted);
        assertThat(drain(ring, 1000)).hasSize(accepted);
    }

    @Test
    void wrapsAroundTheEndWithoutLosingOrMixingFrames() {
        CaptureCounters c = new CaptureCounters("pcap", "eth0");
        FrameRing ring = new FrameRing(2048, 300, c, () -> {});
        int next = 0, expected = 0;
        for (int round = 0; round < 200; round++) {
            for (int k = 0; k < 3; k++, next++) assertThat(ring.offer(next, 100 + next % 150, 1, frame(100 + next % 150, next), 0, 100 + next % 150)).isTrue();
            for (Seen s : drain(ring, 100)) {
                assertThat(s.ts()).isEqualTo(expected);
                assertThat(s.capLen()).isEqualTo(100 + expected % 150);
                assertThat(s.first()).isEqualTo((byte) expected);
                assertThat(s.last()).isEqualTo((byte) (expected + 1));
                expected++;
            }
        }
        assertThat(expected).isEqualTo(600);
        assertThat(c.drops(CaptureCounters.HANDOFF)).isZero();
    }

    @Test
    void framesLongerThanTheSnaplenAreCut() {
        FrameRing ring = new FrameRing(4096, 64, new CaptureCounters("pcap", "eth0"), () -> {});
        ring.offer(1, 1500, 1, frame(1500, 9), 0, 1500);
        Seen s = drain(ring, 1).getFirst();
        assertThat(s.capLen()).isLessThanOrEqualTo(72);
        assertThat(s.wireLen()).isEqualTo(1500);
    }

    @Test
    void oneProducerAndOneConsumerOnTwoThreadsAgree() throws Exception {
        CaptureCounters c = new CaptureCounters("pcap", "eth0");
        FrameRing ring = new FrameRing(1 << 14, 128, c, () -> {});
        int n = 200_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            MemorySegment f = frame(64, 0);
            for (int i = 0; i < n; i++) {
                f.set(ValueLayout.JAVA_BYTE, 0, (byte) i);
                while (!ring.offer(i, 64, 1, f, 0, 64)) Thread.onSpinWait();
            }
        });
        long[] expected = {0};
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (expected[0] < n && System.nanoTime() < deadline) {
            ring.drain((d, off, cap, wire, link, ts) -> {
                assertThat(ts).isEqualTo(expected[0]);
                assertThat(d.get(ValueLayout.JAVA_BYTE, off)).isEqualTo((byte) expected[0]);
                expected[0]++;
            }, 1024);
        }
        producer.join();
        assertThat(expected[0]).isEqualTo(n);
    }
}
