package netwarden.sources.gamelog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One open log file and the read position in it. The position only ever stands just after a newline
 * (or at 0): a partial last line is left in the file until its newline arrives, so it is never emitted
 * and a bookmark never points into the middle of a line. Lines longer than the limit are skipped whole.
 */
final class LogFile implements Closeable {
    /** Where complete lines go; {@code offset} is where the line starts in the file. */
    interface Lines {
        void line(byte[] b, int off, int len, long offset);
        void tooLong(long offset);
    }

    final String key;
    private final FileChannel channel;
    private final ByteBuffer buf;
    private final int maxLine;
    private long pos;
    private int lastLength;
    private long lastCrc;
    private boolean skipping;
    private boolean quietSkip;

    private LogFile(FileChannel channel, String key, int maxLine) {
        this.channel = channel;
        this.key = key;
        this.maxLine = maxLine;
        this.buf = ByteBuffer.allocate(Math.max(64 << 10, maxLine + 1));
    }

    static LogFile open(Path path, int maxLine) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new LogFile(ch, key(path), maxLine);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** The file's identity (device and inode on Linux); null when the path does not exist. */
    static String key(Path path) throws IOException {
        try {
            Object k = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return Objects.toString(k, path.toRealPath().toString());
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    long pos() { return pos; }
    int lastLength() { return lastLength; }
    long lastCrc() { return lastCrc; }
    long size() throws IOException { return channel.size(); }

    /** Continues at a bookmark whose last line is still in place; false (position unchanged) otherwise. */
    boolean resume(Bookmark b) throws IOException {
        if (b.offset() > size() || !matches(b.offset(), b.lastLength(), b.lastCrc())) return false;
        pos = b.offset();
        lastLength = b.lastLength();
        lastCrc = b.lastCrc();
        return true;
    }

    /** Starts at {@code at}; mid-line, the rest of that line is skipped without complaint. */
    void startAt(long at) throws IOException {
        pos = at;
        lastLength = 0;
        skipping = quietSkip = false;
        if (at == 0) return;
        int back = (int) Math.min(at, maxLine + 1L);
        ByteBuffer tail = ByteBuffer.allocate(back);
        channel.read(tail, at - back);
        byte[] t = tail.array();
        if (t[back - 1] != '\n') {
            skipping = quietSkip = true;
            return;
        }
        int start = back - 1;
        while (start > 0 && t[start - 1] != '\n') start--;
        lastLength = back - start;
        lastCrc = crc(t, start, lastLength);
    }

    /** Whether the last line read is still where it was (false after a copy-truncate and rewrite). */
    boolean lastLineIntact() throws IOException {
        return pos <= size() && matches(pos, lastLength, lastCrc);
    }

    private boolean matches(long end, int length, long crc) throws IOException {
        if (length == 0) return true;
        if (length > end) return false;
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) if (channel.read(b, end - length + b.position()) < 0) return false;
        return crc(b.array(), 0, length) == crc;
    }

    /** Reads every complete line up to the current end; returns the bytes read. */
    long readLines(Lines out) throws IOException {
        long read = 0;
        long size = size();
        while (pos < size) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), size - pos));
            int n = channel.read(buf, pos);
            if (n <= 0) break;
            read += n;
            byte[] a = buf.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] != '\n') continue;
                int len = i - start;
                if (skipping) {
                    if (!quietSkip) out.tooLong(pos + start);
                    skipping = quietSkip = false;
                } else if (len > maxLine) {
                    out.tooLong(pos + start);
                } else {
                    out.line(a, start, len, pos + start);
                }
                lastLength = len + 1;
                lastCrc = crc(a, start, len + 1);
                start = i + 1;
            }
            if (start > 0) {
                pos += start;
            } else if (skipping || n > maxLine) { // no newline in more than a line's worth: skip it all
                skipping = true;
                lastLength = 0;
                pos += n;
            } else {
                break; // a partial last line: wait for its newline
            }
        }
        return read;
    }

    /** Bytes after the last complete line (a line still being written). */
    long pending() throws IOException {
        return Math.max(0, size() - pos);
    }

    private static long crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return c.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
