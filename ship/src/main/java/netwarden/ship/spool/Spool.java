package netwarden.ship.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import netwarden.model.Clock;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.Gap;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipFormatException;
import netwarden.ship.format.ShipRow;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's on-disk spool: rows become numbered batches appended to segment files, shipped in
 * sequence order, deleted once the server acknowledged them.
 *
 * <p>Design notes: raw rows and rollups go to separate segment files ({@code raw-*}, {@code rollup-*})
 * so that when the spool outgrows {@link SpoolConfig#maxBytes()} eviction can take the oldest raw
 * segment first and keep rollups longer; unshipped batches evicted are counted and the next batch
 * shipped carries a {@link Gap} naming them. Appends go to the OS at once but are fsynced by a group
 * commit ({@link #sync()}, called by {@link SpoolSyncer} every {@link SpoolConfig#syncInterval()}), and
 * {@link #next} hands out only synced batches, so a sequence number the server has seen is never
 * reused after a crash. Recovery reads each segment (bounded by {@link StateFiles#read}), keeps the
 * records whose length and CRC check out and cuts the file after the last one. {@code epoch} and
 * {@code state} (acknowledged and highest evicted sequence, then the unacknowledged evicted batches with their
 * rows and bytes) are small files beside the segments.
 * Files are 0600, the directory 0700. All methods are synchronized: one appender, one shipper.
 */
public final class Spool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String FILE_MODE = "rw-------", DIR_MODE = "rwx------";

    private final SpoolConfig config;
    private final String agentId;
    private final Clock clock;
    private final SpoolStats stats = new SpoolStats();
    private final List<Segment> segments = new ArrayList<>();
    /** Evicted, unacknowledged sequences and their (rows, bytes): for the gap of the next batch. */
    private final TreeMap<Long, long[]> evicted = new TreeMap<>();
    private long epoch, nextSequence, acked, evictedFloor, durable, bytes;
    private Segment rawActive, rollupActive;
    private boolean open;

    /** No side effects; {@link #open()} reads or creates the directory. */
    public Spool(SpoolConfig config, String agentId, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        if (!ShipBatch.validAgentId(agentId)) throw new IllegalArgumentException("agentId must be 1..64 of [A-Za-z0-9._-]: " + agentId);
        this.agentId = agentId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates or recovers the spool. */
    public synchronized void open() throws IOException {
        String moved = StateFiles.directory(config.dir());
        if (moved != null) LOG.warn("spool {}: something in the way {}", config.dir(), moved);
        Files.setPosixFilePermissions(config.dir(), PosixFilePermissions.fromString(DIR_MODE));
        epoch = SpoolState.readOrCreateEpoch(config.dir(), clock, this::writeSmall);
        long[] st = SpoolState.read(config.dir(), evicted);
        acked = st[0];
        evictedFloor = st[1];
        long maxSeq = Math.max(acked, evictedFloor);
        try (var files = Files.list(config.dir())) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".seg")).sorted().toList()) {
                Segment s = SpoolRecovery.recover(p, config, stats);
                if (s == null) continue;
                if (s.entries.isEmpty() || s.lastSequence() <= acked) {
                    Files.deleteIfExists(p);
                    continue;
                }
                segments.add(s);
                bytes += s.bytes;
                maxSeq = Math.max(maxSeq, s.lastSequence());
            }
        }
        segments.sort(Comparator.comparingLong(s -> s.firstSequence));
        nextSequence = maxSeq + 1;
        durable = maxSeq;
        stats.bytes = bytes;
        open = true;
        LOG.info("spool {}: epoch {}, {} segments, {} bytes, next sequence {}, acknowledged {}",
                config.dir(), epoch, segments.size(), bytes, nextSequence, acked);
    }

    public long epoch() { return epoch; }
    public SpoolStats stats() { return stats; }
    public synchronized long acknowledged() { return acked; }
    public synchronized long durable() { return durable; }
    /** The highest sequence appended (synced or not). */
    public synchronized long lastSequence() { return nextSequence - 1; }

    /** Appends {@code rows} as up to two batches (raw rows, rollups); evicts the oldest when over budget. */
    public synchronized void append(List<ShipRow> rows) throws IOException {
        if (!open) throw new IllegalStateException("spool not open");
        List<ShipRow> raw = new ArrayList<>(), rollups = new ArrayList<>();
        for (ShipRow r : rows) (r.isRollup() ? rollups : raw).add(r);
        if (!raw.isEmpty()) write(false, raw);
        if (!rollups.isEmpty()) write(true, rollups);
        evictOverBudget();
    }

    private void write(boolean rollup, List<ShipRow> rows) throws IOException {
        long seq = nextSequence++;
        byte[] payload = BatchCodec.encode(new ShipBatch(agentId, epoch, seq, null, rows));
        Segment s = rollup ? rollupActive : rawActive;
        if (s == null || s.bytes >= config.segmentBytes()) {
            if (s != null) s.closeWriter();
            s = new Segment(config.dir().resolve(Segment.name(rollup, seq)), rollup, seq);
            s.writer = FileChannel.open(s.path, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE_MODE)));
            segments.add(s);
            if (rollup) rollupActive = s; else rawActive = s;
        }
        ByteBuffer frame = SegmentFile.frame(payload);
        int len = frame.remaining();
        try {
            while (frame.hasRemaining()) s.writer.write(frame, s.bytes + frame.position());
        } catch (IOException e) {
            stats.failures.increment();
            throw e;
        }
        s.entries.add(new Segment.Entry(seq, s.bytes, len, rows.size()));
        s.bytes += len;
        bytes += len;
        stats.bytes = bytes;
        stats.appendedRows.add(rows.size());
        stats.appendedBatches.increment();
    }

    /** The group commit: forces what was appended to disk and makes it shippable. */
    public synchronized void sync() throws IOException {
        if (!open) return;
        long upTo = nextSequence - 1;
        try {
            for (Segment s : new Segment[] {rawActive, rollupActive})
                if (s != null && s.writer != null) s.writer.force(false);
        } catch (IOException e) {
            stats.failures.increment();
            throw e;
        }
        durable = upTo;
        stats.syncs.increment();
    }

    private void evictOverBudget() throws IOException {
        while (bytes > config.maxBytes() && !segments.isEmpty()) {
            Segment victim = segments.stream().filter(s -> !s.rollup).findFirst().orElse(segments.getFirst());
            victim.closeWriter();
            if (victim == rawActive) rawActive = null;
            if (victim == rollupActive) rollupActive = null;
            long victimBytes = 0;
            for (Segment.Entry e : victim.entries) {
                if (e.sequence() <= acked) continue;
                evicted.put(e.sequence(), new long[] {e.rows(), e.length()});
                evictedFloor = Math.max(evictedFloor, e.sequence());
                stats.evictedRows.add(e.rows());
                stats.evictedBytes.add(e.length());
                stats.evictedBatches.increment();
                victimBytes += e.length();
            }
            remove(victim);
            LOG.warn("spool {} is full ({} bytes allowed): evicted {} ({} unshipped bytes); the server will see a gap",
                    config.dir(), config.maxBytes(), victim.path.getFileName(), victimBytes);
            writeState();
        }
    }

    private void remove(Segment s) throws IOException {
        segments.remove(s);
        bytes -= s.bytes;
        stats.bytes = bytes;
        Files.deleteIfExists(s.path);
    }

    /** A durable batch as stored: its encoded bytes, and the gap before it (not inside the bytes). */
    public record Pending(long sequence, int rows, byte[] json, Gap gap) {
        /** The batch to send: the stored bytes as they are, or re-encoded with the gap. */
        public byte[] wire() throws IOException {
            return gap == null ? json : BatchCodec.encode(batch());
        }

        public ShipBatch batch() throws IOException {
            try {
                ShipBatch b = BatchCodec.decode(json);
                return gap == null ? b : b.withGap(gap);
            } catch (ShipFormatException e) {
                throw new IOException("spool record " + sequence + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The first durable batch after sequence {@code after}, with the gap before it when batches in
     * between were evicted; null when there is none yet.
     */
    public ShipBatch next(long after) throws IOException {
        Pending p = nextPending(after);
        return p == null ? null : p.batch();
    }

    /** {@link #next} without decoding: what a transport sends as it is. */
    public synchronized Pending nextPending(long after) throws IOException {
        Segment best = null;
        Segment.Entry bestEntry = null;
        // Entries are in sequence order within a segment: a binary search per segment keeps draining
        // a large backlog linear instead of quadratic.
        for (Segment s : segments) {
            if (s.lastSequence() <= after) continue;
            Segment.Entry e = s.firstAfter(after);
            if (e != null && e.sequence() <= durable && (bestEntry == null || e.sequence() < bestEntry.sequence())) {
                best = s;
                bestEntry = e;
            }
        }
        if (best == null) return null;
        Gap gap = null;
        if (bestEntry.sequence() > after + 1) {
            long rows = 0, gapBytes = 0;
            for (long[] rb : evicted.subMap(after, false, bestEntry.sequence(), false).values()) {
                rows += rb[0];
                gapBytes += rb[1];
            }
            if (rows > 0 || gapBytes > 0) gap = new Gap(after + 1, bestEntry.sequence() - 1, rows, gapBytes);
        }
        return new Pending(bestEntry.sequence(), bestEntry.rows(), read(best, bestEntry), gap);
    }

    private byte[] read(Segment s, Segment.Entry e) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(e.length());
        try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) if (ch.read(buf, e.offset() + buf.position()) < 0) throw new IOException(s.path + ": short read");
        }
        return java.util.Arrays.copyOfRange(buf.array(), SegmentFile.HEADER, e.length());
    }

    /** The server stored everything up to {@code sequence}: deletes segments wholly acknowledged. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acked) return;
        stats.ackedBatches.add(sequence - acked - evicted.subMap(acked, false, sequence, true).size());
        acked = sequence;
        evicted.headMap(acked, true).clear();
        for (Segment s : List.copyOf(segments))
            if (s.writer == null && s.lastSequence() <= acked) remove(s);
        writeState();
    }

    private void writeState() throws IOException {
        // The evicted batches not yet acknowledged are kept too, so a restarted agent still tells the server what its gap held.
        StringBuilder text = new StringBuilder().append(acked).append(' ').append(evictedFloor).append('\n');
        evicted.forEach((seq, rb) -> text.append(seq).append(' ').append(rb[0]).append(' ').append(rb[1]).append('\n'));
        writeSmall(config.dir().resolve(SpoolState.STATE), text.toString());
    }

    private void writeSmall(Path file, String text) throws IOException {
        SpoolState.writeAtomically(file, text, FILE_MODE);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!open) return;
        sync();
        for (Segment s : segments) s.closeWriter();
        rawActive = rollupActive = null;
        open = false;
    }
}
