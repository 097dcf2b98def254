package netwarden.enrich;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the entries of a gzip-compressed tar file (as {@code npm pack} writes: ustar, maybe with
 * pax or GNU long-name headers). Only regular files are reported; the caller decides what to keep
 * and where, so no path from the archive is ever used to build an output path.
 */
final class TarGz {
    private static final int BLOCK = 512;

    /** Receives one regular file: its path inside the archive and a stream of exactly its bytes. */
    interface EntryHandler {
        void entry(String path, long size, InputStream content) throws IOException;
    }

    private TarGz() {}

    static void read(Path archive, EntryHandler handler) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 64 * 1024))) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                if (!readBlock(in, header)) return;
                if (isZero(header)) return; // end-of-archive marker
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12, archive);
                char type = (char) header[156];
                if (type == 'L') {
                    longName = new String(readAll(in, size, archive), StandardCharsets.UTF_8).replace("\0", "");
                } else if (type == 'x') {
                    longName = paxPath(new String(readAll(in, size, archive), StandardCharsets.UTF_8));
                } else if (type == '0' || type == '\0') {
                    BoundedStream content = new BoundedStream(in, size);
                    handler.entry(name, size, content);
                    content.skipRest();
                } else {
                    skip(in, size);
                }
                skip(in, (BLOCK - size % BLOCK) % BLOCK);
            }
        }
    }

    /** Copies {@code content} into {@code target} through a temporary file, then renames it into place. */
    static void install(InputStream content, Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.transferTo(out);
        }
        try {
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        String prefix = cString(h, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path=} record of a pax header, or null. Records read {@code "<len> key=value\n"}. */
    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.startsWith("path=", sp + 1)) return line.substring(sp + 6);
        }
        return null;
    }

    private static String cString(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len, Path archive) throws IOException {
        long v = 0;
        boolean started = false;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (started) break;
                continue; // leading padding
            }
            started = true;
            if (b < '0' || b > '7') throw new IOException(archive + ": corrupt tar header (size field)");
            v = v * 8 + (b - '0');
        }
        return v;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) return false;
        if (n < BLOCK) throw new EOFException("truncated tar header");
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static byte[] readAll(InputStream in, long size, Path archive) throws IOException {
        if (size > 1 << 20) throw new IOException(archive + ": tar extended header too large: " + size);
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) throw new EOFException(archive + ": truncated tar entry");
        return b;
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    /** Exactly {@code size} bytes of the underlying stream; closing it does not close the archive. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b < 0) throw new EOFException("truncated tar entry");
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new EOFException("truncated tar entry");
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            in.skipNBytes(left);
            left = 0;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
