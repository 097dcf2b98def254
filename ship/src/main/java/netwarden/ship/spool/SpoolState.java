package netwarden.ship.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import netwarden.model.Clock;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The spool's two small files: {@code epoch} (its identity) and {@code state} (acknowledged and evicted-up-to sequences). */
final class SpoolState {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolState.class);
    static final String EPOCH = "epoch", STATE = "state";
    private static final int MAX = 256, MAX_STATE = 64 << 20;

    interface Writer {
        void write(Path file, String text) throws IOException;
    }

    private SpoolState() {}

    /** The epoch in the directory, or a new one (the clock's milliseconds, so a later spool's epoch is larger). */
    static long readOrCreateEpoch(Path dir, Clock clock, Writer writer) throws IOException {
        Path f = dir.resolve(EPOCH);
        try {
            long e = Long.parseLong(new String(StateFiles.read(f, MAX), StandardCharsets.US_ASCII).strip());
            if (e > 0) return e;
            LOG.warn("spool epoch {} is not positive: {}", f, StateFiles.moveAside(f));
        } catch (NoSuchFileException e) {
            // A new spool.
        } catch (NumberFormatException | StateFiles.DamagedException e) {
            LOG.warn("spool epoch {} is damaged ({}): {}; a new epoch begins", f, e.getMessage(), StateFiles.moveAside(f));
        }
        long e = Math.max(1, clock.nanos() / 1_000_000L);
        writer.write(f, e + "\n");
        return e;
    }

    /**
     * {acknowledged, evicted-up-to}; zeros when missing or damaged (damage moved aside). The lines after the first,
     * {@code seq rows bytes}, are the evicted batches not yet acknowledged: put into {@code evicted}.
     */
    static long[] read(Path dir, java.util.Map<Long, long[]> evicted) throws IOException {
        Path f = dir.resolve(STATE);
        try {
            String[] lines = new String(StateFiles.read(f, MAX_STATE), StandardCharsets.US_ASCII).strip().split("\n");
            String[] parts = lines[0].strip().split(" ");
            long a = Long.parseLong(parts[0]), ev = Long.parseLong(parts[1]);
            if (a >= 0 && ev >= 0) {
                for (int i = 1; i < lines.length; i++) {
                    String[] e = lines[i].strip().split(" ");
                    evicted.put(Long.parseLong(e[0]), new long[] {Long.parseLong(e[1]), Long.parseLong(e[2])});
                }
                return new long[] {a, ev};
            }
            LOG.warn("spool state {} has negative numbers: {}", f, StateFiles.moveAside(f));
        } catch (NoSuchFileException e) {
            // Nothing acknowledged yet.
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException | StateFiles.DamagedException e) {
            evicted.clear();
            LOG.warn("spool state {} is damaged ({}): {}", f, e.getMessage(), StateFiles.moveAside(f));
        }
        return new long[] {0, 0};
    }

    /** Writes {@code text} to a temporary file, fsyncs it and renames it over {@code file}. */
    static void writeAtomically(Path file, String text, String mode) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)))) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            ch.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
