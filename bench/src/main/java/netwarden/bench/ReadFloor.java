package netwarden.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The floor under {@code replay} on this machine: the least a JVM process can do with the replay
 * benchmark's file and still produce the report's simplest column. It maps the file, walks the
 * records, reads the Ethernet/IPv4/UDP headers and keeps exact per-destination-port packet, byte
 * and distinct-source counts, on every core (the file is cut into one contiguous part per thread,
 * each starting at a re-synchronised record header; sets are merged at the end). No players, services, flows, detection, IPv6, VLANs or other formats: whatever the
 * real replay costs above this is the engine's; whatever this costs above {@code cat} is the JVM's.
 *
 * <p>Usage: {@code ReadFloor FILE.pcap [threads=available cores] [passes=1]}; little-endian classic
 * pcap with Ethernet frames, as {@link GenerateUdpCapture} writes. Prints one line per port and the
 * frame count. With more than one pass it reads the file again in the same JVM and prints each
 * pass's time to stderr: the first pass against the later ones is what JIT warm-up costs.
 */
public final class ReadFloor {
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt BE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort BE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int PORTS = 65_536;

    private ReadFloor() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReadFloor FILE.pcap [threads] [passes]");
            System.exit(2);
        }
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int pass = 1; pass <= passes; pass++) {
            long start = System.nanoTime();
            Counts counts = readOnce(Path.of(args[0]), threads);
            if (passes > 1) System.err.printf("pass %d: %d ms%n", pass, (System.nanoTime() - start) / 1_000_000);
            if (pass == passes) counts.print();
        }
    }

    private static Counts readOnce(Path path, int threads) throws Exception {
        try (FileChannel ch = FileChannel.open(path); Arena arena = Arena.ofShared()) {
            MemorySegment file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            if (file.byteSize() < 24 || file.get(LE_INT, 0) != 0xa1b2c3d4) throw new IOException("not a little-endian µs pcap: " + path);
            long[] bounds = new long[threads + 1];
            bounds[0] = 24;
            bounds[threads] = file.byteSize();
            for (int t = 1; t < threads; t++) bounds[t] = resync(file, file.byteSize() * t / threads);
            Counts[] parts = new Counts[threads];
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                Counts c = parts[t] = new Counts();
                long from = bounds[t], to = bounds[t + 1];
                workers[t] = Thread.ofPlatform().start(() -> c.read(file, from, to));
            }
            long frames = 0;
            for (int t = 0; t < threads; t++) {
                workers[t].join();
                frames += parts[t].frames;
                if (t > 0) parts[0].merge(parts[t]);
            }
            parts[0].frames = frames;
            return parts[0];
        }
    }

    /**
     * The first record header at or after {@code from}: the offset where 16 records in a row have
     * plausible lengths and end exactly at the next (what parallel pcap readers do; no index exists).
     */
    private static long resync(MemorySegment m, long from) {
        long size = m.byteSize();
        for (long o = from; o + 16 <= size; o++) {
            long r = o;
            int ok = 0;
            while (ok < 16 && r + 16 <= size) {
                int captured = m.get(LE_INT, r + 8), wire = m.get(LE_INT, r + 12);
                if (captured <= 0 || captured > 262_144 || wire < captured) break;
                r += 16 + captured;
                ok++;
            }
            if (ok == 16 || r == size) return o;
        }
        return size;
    }

    /** One part's counts: per destination port packets, bytes and an exact set of IPv4 sources. */
    private static final class Counts {
        final long[] packets = new long[PORTS];
        final long[] bytes = new long[PORTS];
        final IntSet[] sources = new IntSet[PORTS];
        long frames;

        void read(MemorySegment m, long from, long to) {
            long size = m.byteSize();
            long off = from;
            long n = 0;
            while (off + 16 <= to) {
                int captured = m.get(LE_INT, off + 8);
                int wire = m.get(LE_INT, off + 12);
                long frame = off + 16;
                off = frame + captured;
                if (off > size) break;
                n++;
                if (captured < 42 || (m.get(BE_SHORT, frame + 12) & 0xffff) != 0x0800) continue;
                int ihl = (m.get(ValueLayout.JAVA_BYTE, frame + 14) & 15) * 4;
                if (m.get(ValueLayout.JAVA_BYTE, frame + 23) != 17 || captured < 14 + ihl + 4) continue;
                int port = m.get(BE_SHORT, frame + 14 + ihl + 2) & 0xffff;
                packets[port]++;
                bytes[port] += wire;
                IntSet s = sources[port];
                if (s == null) s = sources[port] = new IntSet();
                s.add(m.get(BE_INT, frame + 26));
            }
            frames = n;
        }

        void merge(Counts o) {
            for (int p = 0; p < PORTS; p++) {
                packets[p] += o.packets[p];
                bytes[p] += o.bytes[p];
                if (o.sources[p] == null) continue;
                if (sources[p] == null) sources[p] = new IntSet();
                o.sources[p].forEach(sources[p]::add);
            }
        }

        void print() {
            for (int p = 0; p < PORTS; p++) {
                if (packets[p] > 0) System.out.printf("udp/%d packets=%d wire_bytes=%d unique_sources=%d%n", p, packets[p], bytes[p], sources[p].size);
            }
            System.out.println("frames=" + frames);
        }
    }

    /** Open addressing, linear probing, load ≤ 1/2; 0 is stored as a flag. */
    private static final class IntSet {
        int[] slots = new int[1 << 10];
        int shift = 32 - 10;
        int size;
        boolean zero;

        void add(int a) {
            if (a == 0) {
                if (!zero) size++;
                zero = true;
                return;
            }
            int mask = slots.length - 1;
            int i = (a * 0x9E37_79B9) >>> shift;
            for (int v; (v = slots[i]) != 0; i = (i + 1) & mask) if (v == a) return;
            slots[i] = a;
            if (++size > slots.length / 2) grow();
        }

        void forEach(java.util.function.IntConsumer c) {
            if (zero) c.accept(0);
            for (int a : slots) if (a != 0) c.accept(a);
        }

        private void grow() {
            int[] old = slots;
            slots = new int[old.length * 2];
            shift--;
            size = zero ? 1 : 0;
            for (int a : old) if (a != 0) add(a);
        }
    }
}
