package netwarden.sources.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quake 3 / ioquake3 {@code getstatus}: pure encoding and decoding, no I/O.
 *
 * <p>Request: {@code FF FF FF FF "getstatus <challenge>"}. Answer: {@code FF FF FF FF "statusResponse\n"},
 * an info string {@code \key\value\...} ending in {@code \n}, then one line per player:
 * {@code <score> <ping> "<name>"\n}. ioquake3 echoes the challenge as the {@code challenge} key, which
 * tells a late answer to an earlier request from the current one.
 */
public final class Quake3Status {
    static final String PROTOCOL = "quake3";
    private static final byte[] HEADER = {-1, -1, -1, -1};
    private static final byte[] RESPONSE = "statusResponse".getBytes(StandardCharsets.US_ASCII);

    private Quake3Status() {}

    public static byte[] request(String challenge) {
        byte[] cmd = ("getstatus " + challenge).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + cmd.length];
        System.arraycopy(HEADER, 0, out, 0, 4);
        System.arraycopy(cmd, 0, out, 4, cmd.length);
        return out;
    }

    /** A decoded answer: the server's cvars (info string) and its players. */
    public record Answer(Map<String, String> info, List<QueryPlayer> players) {
        public String challenge() { return info.get("challenge"); }

        QueryResult.Status status() {
            int max = intOr(info.get("sv_maxclients"), 0);
            String host = info.get("sv_hostname");
            return new QueryResult.Status(players.size(), 0, max, info.get("mapname"),
                    host == null ? null : stripColours(host), info.get("version"), players);
        }
    }

    public static Answer decode(byte[] b, int len) throws QueryException {
        Wire w = new Wire(PROTOCOL, b, 0, len);
        for (byte h : HEADER) if ((byte) w.u8("header") != h) throw w.fail("not an out-of-band packet (no FF FF FF FF)");
        int at = 4;
        for (byte r : RESPONSE) if (at >= len || b[at++] != r) throw new QueryException(PROTOCOL, 4, "not a statusResponse");
        if (at >= len || b[at] != '\n') throw new QueryException(PROTOCOL, at, "no newline after statusResponse");
        String body = new String(b, at + 1, len - at - 1, StandardCharsets.ISO_8859_1);
        int nl = body.indexOf('\n');
        if (nl < 0) throw new QueryException(PROTOCOL, len, "truncated: info string not terminated");
        Map<String, String> info = info(body.substring(0, nl), at + 1);
        List<QueryPlayer> players = new ArrayList<>();
        int lineStart = at + 2 + nl;
        for (String line : body.substring(nl + 1).split("\n", -1)) {
            if (!line.isEmpty()) players.add(player(line, lineStart));
            lineStart += line.length() + 1;
        }
        return new Answer(Map.copyOf(info), List.copyOf(players));
    }

    private static Map<String, String> info(String s, int offset) throws QueryException {
        if (!s.startsWith("\\")) throw new QueryException(PROTOCOL, offset, "info string does not start with a backslash");
        String[] kv = s.substring(1).split("\\\\", -1);
        if (kv.length % 2 != 0) throw new QueryException(PROTOCOL, offset, "info string has a key without a value");
        Map<String, String> info = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) info.put(kv[i], kv[i + 1]);
        return info;
    }

    private static QueryPlayer player(String line, int offset) throws QueryException {
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        int q = line.indexOf('"');
        if (a < 0 || b < 0 || q != b + 1 || !line.endsWith("\"") || line.length() < q + 2)
            throw new QueryException(PROTOCOL, offset, "player line is not <score> <ping> \"<name>\"");
        try {
            int score = Integer.parseInt(line.substring(0, a));
            int ping = Integer.parseInt(line.substring(a + 1, b));
            return new QueryPlayer(stripColours(line.substring(q + 1, line.length() - 1)), score, ping);
        } catch (NumberFormatException e) {
            throw new QueryException(PROTOCOL, offset, "player score or ping is not a number");
        }
    }

    /** Removes Quake colour codes ({@code ^0}..{@code ^9} and {@code ^} + any character but {@code ^}). */
    public static String stripColours(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '^' && i + 1 < s.length() && s.charAt(i + 1) != '^') i++;
            else out.append(c);
        }
        return out.toString();
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
