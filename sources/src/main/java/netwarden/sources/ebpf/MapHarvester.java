package netwarden.sources.ebpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import netwarden.sources.live.CaptureException;

/**
 * Empties one BPF hash map with {@code bpf_map_lookup_and_delete_batch}, handing each entry to a
 * sink. Only correct while nothing writes the map, which the kernel program guarantees for the
 * parity maps of a second that has ended. Buffers are allocated once.
 */
final class MapHarvester implements AutoCloseable {
    private static final int ENOENT = 2;

    private final Libbpf lib;
    private final int fd;
    private final String name;
    private final int keySize;
    private final int valueSize;
    private final int chunk;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment keys, values, inBatch, outBatch, count;

    /** Receives one entry; segments are valid only during the call. */
    @FunctionalInterface
    interface EntrySink {
        void entry(MemorySegment keys, long keyOffset, MemorySegment values, long valueOffset);
    }

    /** @param valueSize bytes per entry as user space sees them (per-CPU maps: rounded value x CPUs) */
    MapHarvester(Libbpf lib, int fd, String name, int keySize, int valueSize, int chunk) {
        this.lib = lib;
        this.fd = fd;
        this.name = name;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.chunk = chunk;
        this.keys = arena.allocate((long) keySize * chunk, 8);
        this.values = arena.allocate((long) valueSize * chunk, 8);
        this.inBatch = arena.allocate(Math.max(8, keySize), 8);
        this.outBatch = arena.allocate(Math.max(8, keySize), 8);
        this.count = arena.allocate(ValueLayout.JAVA_INT);
    }

    /** Reads and deletes every entry; returns how many there were. */
    int harvest(EntrySink sink) throws CaptureException {
        int total = 0;
        boolean first = true;
        while (true) {
            MemorySegment from = first ? MemorySegment.NULL : inBatch;
            count.set(ValueLayout.JAVA_INT, 0, chunk);
            int rc;
            try {
                rc = (int) lib.lookupAndDeleteBatch.invokeExact(fd, from, outBatch, keys, values,
                        count, MemorySegment.NULL);
            } catch (Throwable t) {
                throw new CaptureException("reading eBPF map " + name + " failed: " + t, t);
            }
            if (rc != 0 && rc != -ENOENT) throw new CaptureException("reading eBPF map " + name + " failed: " + lib.error(rc));
            int n = count.get(ValueLayout.JAVA_INT, 0);
            for (int i = 0; i < n; i++) sink.entry(keys, (long) i * keySize, values, (long) i * valueSize);
            total += n;
            if (rc == -ENOENT) return total;
            MemorySegment.copy(outBatch, 0, inBatch, 0, inBatch.byteSize());
            first = false;
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
