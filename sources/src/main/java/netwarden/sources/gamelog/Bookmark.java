package netwarden.sources.gamelog;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a tail stopped: byte offset (always just after a newline), the file's identity (inode), and the
 * length and CRC-32 of the last line read, which tell "the same file, grown" from "truncated and written
 * again", plus who was online (for leave pairing). Text, replaced atomically.
 */
record Bookmark(long offset, String fileKey, int lastLength, long lastCrc, List<Roster.Entry> online) {
    private static final String MAGIC = "netwarden-gamelog-bookmark 1";

    String format() {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        b.append("offset ").append(offset).append('\n');
        b.append("file ").append(enc(fileKey)).append('\n');
        b.append("last-line ").append(lastLength).append(' ').append(Long.toHexString(lastCrc)).append('\n');
        for (Roster.Entry e : online)
            b.append("online ").append(enc(e.server())).append(' ').append(enc(e.name())).append(' ').append(enc(e.digest())).append('\n');
        return b.toString();
    }

    /** Parses {@link #format()}'s text; null for anything else (the tail then starts as if there were none). */
    static Bookmark parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 4 || !lines[0].equals(MAGIC)) return null;
        try {
            long offset = Long.parseLong(field(lines[1], "offset "));
            String key = dec(field(lines[2], "file "));
            String[] last = field(lines[3], "last-line ").split(" ");
            List<Roster.Entry> online = new ArrayList<>();
            for (int i = 4; i < lines.length; i++) {
                String[] p = field(lines[i], "online ").split(" ", -1);
                online.add(new Roster.Entry(dec(p[0]), dec(p[1]), dec(p[2])));
            }
            Bookmark b = new Bookmark(offset, key, Integer.parseInt(last[0]), Long.parseLong(last[1], 16), online);
            return offset < 0 || b.lastLength < 0 || b.lastLength > offset ? null : b;
        } catch (RuntimeException e) {
            return null;
        }
    }

    void write(Path path) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(tmp, format(), StandardCharsets.UTF_8);
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Bookmark read(Path path) throws IOException {
        return Files.exists(path) ? parse(Files.readString(path, StandardCharsets.UTF_8)) : null;
    }

    private static String field(String line, String prefix) {
        if (!line.startsWith(prefix)) throw new IllegalArgumentException(prefix);
        return line.substring(prefix.length());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
    private static String dec(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }
}
