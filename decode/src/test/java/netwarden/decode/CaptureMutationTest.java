package netwarden.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import netwarden.model.Packet;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutation of the fuzz seeds, checking the same properties as {@link CaptureFuzzTest}.
 * Jazzer's coverage-guided mode cannot instrument Java 25 class files (its ASM rejects major version
 * 69), so this is what explores beyond the seeds in every build. Reproducible: a failure names the
 * iteration and the input in hex.
 */
class CaptureMutationTest {
    private static final int[] INTERESTING_INTS = {0, -1, 1, 4, 8, 12, 16, 20, 24, 28, 32, 0x7fffffff, 0x80000000,
            262_144, 262_145, 0x0A0D0D0A, 0x1A2B3C4D, 0x4D3C2B1A, 0xa1b2c3d4, 65535, 65536};

    @Test
    void seedsReadAsBuilt() throws DecodeException {
        for (var e : FuzzSeeds.captures().entrySet()) {
            CaptureReader r = CaptureReader.open(MemorySegment.ofArray(e.getValue()));
            Packet p = new Packet();
            try {
                while (r.next(p)) assertThat(p.isIp()).as(e.getKey()).isTrue();
                assertThat(e.getKey()).isNotEqualTo("pcap-truncated");
            } catch (DecodeException ex) {
                assertThat(e.getKey()).isEqualTo("pcap-truncated");
            }
        }
    }

    @Test
    void mutatedCapturesOnlyEverFailWithDecodeException() {
        CaptureFuzzTest target = new CaptureFuzzTest();
        run(List.copyOf(FuzzSeeds.captures().values()), 50_000, 11, target::captureReader);
    }

    @Test
    void mutatedFramesDecodeWithinRange() {
        CaptureFuzzTest target = new CaptureFuzzTest();
        run(List.copyOf(FuzzSeeds.frames().values()), 100_000, 12, target::packetDecoder);
    }

    private static void run(List<byte[]> seeds, int iterations, long seed, Consumer<byte[]> target) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> pool = new ArrayList<>(seeds);
        for (int i = 0; i < iterations; i++) {
            byte[] input = mutate(pool.get(random.nextInt(pool.size())), random);
            try {
                target.accept(input);
            } catch (Throwable t) {
                throw new AssertionError("iteration " + i + ", input " + HexFormat.of().formatHex(input), t);
            }
            if (pool.size() < 200 && random.nextInt(50) == 0) pool.add(input); // let mutations stack up
        }
    }

    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int count = 1 + r.nextInt(4);
        for (int m = 0; m < count && b.length > 0; m++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 1, 0x40, 0x60}[r.nextInt(7)];
                case 2 -> {
                    int v = INTERESTING_INTS[r.nextInt(INTERESTING_INTS.length)];
                    boolean big = r.nextBoolean();
                    for (int k = 0; k < 4 && at + k < b.length; k++) b[at + k] = (byte) (v >>> (big ? 24 - 8 * k : 8 * k));
                }
                case 3 -> b = Arrays.copyOf(b, at);
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(32));
                    byte[] grown = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, at, grown, at + len, b.length - at);
                    b = grown;
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(16));
                    byte[] shrunk = new byte[b.length - len];
                    System.arraycopy(b, 0, shrunk, 0, at);
                    System.arraycopy(b, at + len, shrunk, at, b.length - at - len);
                    b = shrunk;
                }
            }
        }
        return b;
    }
}
