package netwarden.ship.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.ShipBatch;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one segment at start: indexes its intact records and cuts a torn or corrupt tail. */
final class SpoolRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecovery.class);

    private SpoolRecovery() {}

    /** The segment, or null when its name is not a segment's or it was damaged beyond use (moved aside). */
    static Segment recover(Path p, SpoolConfig config, SpoolStats stats) throws IOException {
        String name = p.getFileName().toString();
        boolean rollup = name.startsWith("rollup-");
        long first;
        try {
            first = Long.parseLong(name.substring(name.indexOf('-') + 1, name.length() - ".seg".length()));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            LOG.warn("spool: {} is not a segment name: {}", p, StateFiles.moveAside(p));
            return null;
        }
        byte[] bytes;
        try {
            bytes = StateFiles.read(p, (int) Math.min(Integer.MAX_VALUE - 16, config.segmentBytes() + SegmentFile.MAX_RECORD + SegmentFile.HEADER));
        } catch (StateFiles.DamagedException e) {
            LOG.warn("spool: {}: {}", e.getMessage(), StateFiles.moveAside(p));
            return null;
        }
        Segment s = new Segment(p, rollup, first);
        long end;
        try {
            end = SegmentFile.scan(bytes, (off, payload) -> {
                ShipBatch b = BatchCodec.decode(payload);
                if (!s.entries.isEmpty() && b.sequence() <= s.lastSequence()) throw new IOException("sequence goes back");
                s.entries.add(new Segment.Entry(b.sequence(), off, SegmentFile.HEADER + payload.length, b.rows().size()));
            });
        } catch (Exception e) {
            // A record with a valid CRC that does not decode: keep what came before it.
            end = s.entries.isEmpty() ? 0 : s.entries.getLast().offset() + s.entries.getLast().length();
            LOG.warn("spool: {} has a record that does not decode after {} bytes: {}", p, end, e.getMessage());
        }
        if (end < bytes.length) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(false);
            }
            stats.truncatedBytes.add(bytes.length - end);
            LOG.warn("spool: {} ended in {} bytes of a torn or corrupt record; cut at {}", p, bytes.length - end, end);
        }
        s.bytes = end;
        return s;
    }
}
