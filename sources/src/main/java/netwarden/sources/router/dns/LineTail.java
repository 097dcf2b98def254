package netwarden.sources.router.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a log file by polling: complete lines only, rotation-safe, with a bookmark file.
 *
 * <p>Design notes: the open channel is read to its end before the path is checked again, so the
 * lines written to a file just before it was renamed away (logrotate) are not lost; then a path
 * now naming another file (inode) is opened from its start, and a file shorter than the position
 * (copytruncate) is read again from 0. The bookmark ({@code inode offset}) is written after each
 * poll that consumed lines; on start, a bookmark for the same inode resumes there, otherwise the
 * tail starts at the end (history is not replayed). At most {@link #MAX_READ} bytes per poll.
 *
 * <p>To unify with the game-log tail ({@code netwarden.sources.gamelog}) once both are merged.
 */
public final class LineTail implements AutoCloseable {
    static final int MAX_READ = 1 << 20, MAX_LINE = 64 * 1024;
    private final Path file, bookmark;
    private FileChannel channel;
    private Object key;
    private long position;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    /** Bytes of the unfinished line read so far (more than {@code partial} holds when it is too long). */
    private long partialBytes;
    private long linesTooLong;

    public LineTail(Path file, Path bookmark) {
        this.file = file;
        this.bookmark = bookmark;
    }

    /** New complete lines since the last poll (without their line ends). */
    public List<String> poll() throws IOException {
        var lines = new ArrayList<String>();
        if (channel == null && !open(true)) return lines;
        read(lines);
        BasicFileAttributes now = attributes();
        if (now != null && !now.fileKey().equals(key)) { // rotated: the old file is read out above
            channel.close();
            channel = null;
            partial.reset();
            partialBytes = 0;
            if (open(false)) read(lines);
        } else if (now != null && now.size() < position) { // truncated in place
            position = 0;
            partial.reset();
            partialBytes = 0;
            read(lines);
        }
        if (!lines.isEmpty()) saveBookmark();
        return lines;
    }

    /** Lines longer than {@link #MAX_LINE} bytes that were cut (their rest dropped). */
    public long linesTooLong() {
        return linesTooLong;
    }

    private boolean open(boolean first) throws IOException {
        BasicFileAttributes a = attributes();
        if (a == null) return false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        key = a.fileKey();
        position = first ? resume(a) : 0;
        return true;
    }

    private long resume(BasicFileAttributes a) throws IOException {
        if (bookmark != null && Files.exists(bookmark)) {
            String[] f = Files.readString(bookmark).trim().split(" ");
            if (f.length == 2 && f[0].equals(String.valueOf(a.fileKey())) && f[1].matches("\\d{1,18}")) {
                long at = Long.parseLong(f[1]);
                if (at <= a.size()) return at;
            } // an unreadable bookmark or one for another file: start at the end
        }
        return a.size();
    }

    private void read(List<String> lines) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long budget = MAX_READ;
        while (budget > 0) {
            buf.clear();
            int n = channel.read(buf, position);
            if (n <= 0) return;
            budget -= n;
            byte[] b = buf.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (b[i] != '\n') continue;
                append(b, start, i - start);
                String line = partial.toString(StandardCharsets.UTF_8);
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                if (partialBytes > MAX_LINE) linesTooLong++;
                partial.reset();
                partialBytes = 0;
                start = i + 1;
            }
            append(b, start, n - start);
            position += n;
        }
    }

    private void append(byte[] b, int from, int len) {
        partialBytes += len;
        partial.write(b, from, Math.max(0, Math.min(len, MAX_LINE - partial.size())));
    }

    private BasicFileAttributes attributes() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The offset of the first byte not yet returned as part of a complete line. */
    long consumed() {
        return position - partialBytes;
    }

    private void saveBookmark() throws IOException {
        if (bookmark == null) return;
        Path dir = bookmark.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir); // the state dir's subdirectory may not exist yet
        Path tmp = bookmark.resolveSibling(bookmark.getFileName() + ".tmp");
        Files.writeString(tmp, key + " " + consumed() + "\n");
        Files.move(tmp, bookmark, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }
}
