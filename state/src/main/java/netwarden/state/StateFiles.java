package netwarden.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reading and repairing the files netwarden keeps across restarts (learned baselines, the
 * returning-player store): every read has a size limit, so a state file that is a link to
 * {@code /dev/zero} or a runaway file cannot fill the heap; a damaged file is moved aside to
 * {@code <name>.corrupt} (kept for inspection) so the caller can start afresh instead of failing
 * every start, which under {@code Restart=on-failure} would be a crash loop.
 */
public final class StateFiles {
    /** The suffix of a damaged state file moved aside. */
    public static final String ASIDE = ".corrupt";

    private StateFiles() {}

    /** A state file that exists but cannot be used: not a regular file, or larger than its limit. */
    public static final class DamagedException extends IOException {
        public DamagedException(Path file, String why) {
            super(file + ": " + why);
        }
    }

    /**
     * The whole file, at most {@code maxBytes} of it.
     *
     * @throws NoSuchFileException when it does not exist (a cold start, not damage)
     * @throws DamagedException    when it is not a regular file (a directory, a device) or is larger than {@code maxBytes}
     * @throws IOException         when it cannot be read
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw new NoSuchFileException(file.toString());
        if (!Files.isRegularFile(file)) throw new DamagedException(file, "not a regular file");
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than allowed tells "too large" without trusting the size a special file reports.
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) throw new DamagedException(file, "larger than the limit of " + maxBytes + " bytes");
            return bytes;
        }
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code file} and renames it over {@code file}, creating the
     * directory when needed: a crash mid-write leaves the previous file whole.
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Renames {@code file} (a file, a link or a directory) to {@code <name>.corrupt}, replacing an
     * older one; when that name is taken by a directory, {@code <name>.corrupt-<millis>}.
     *
     * @return what happened, for the caller's WARN line: {@code moved aside to ...} or why it could not be
     */
    public static String moveAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ASIDE);
        try {
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                aside = file.resolveSibling(file.getFileName() + ASIDE + "-" + System.currentTimeMillis());
                Files.move(file, aside);
            }
            return "moved aside to " + aside;
        } catch (IOException e) {
            return "could not move it aside: " + e;
        }
    }

    /**
     * Makes {@code dir} a directory: creates it (and its parents) when missing; when something else
     * is in its place (a file, a dangling link) moves that aside first.
     *
     * @return null when the directory was there or created, else what was moved aside (for a WARN line)
     * @throws IOException when it cannot be created, or what is in the way cannot be moved
     */
    public static String directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return null;
        String moved = null;
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            moved = moveAside(dir);
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException(dir + " is not a directory and " + moved);
        }
        Files.createDirectories(dir);
        return moved;
    }
}
