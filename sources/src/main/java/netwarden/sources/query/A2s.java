package netwarden.sources.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Valve A2S_INFO and A2S_PLAYER (developer.valvesoftware.com, "Server queries"): pure encoding and
 * decoding of whole (reassembled) answers, all little-endian. Split packets are {@link A2sSplit}'s.
 *
 * <p>Since 2020 servers may answer a request with S2C_CHALLENGE ({@code 'A'} + 4-byte challenge); the
 * client repeats the request with the challenge appended. A2S_PLAYER always goes through that handshake
 * (the first request carries challenge -1).
 */
public final class A2s {
    static final String PROTOCOL = "a2s";
    static final int SIMPLE = -1, SPLIT = -2;
    static final int CHALLENGE = 0x41, INFO = 0x49, INFO_GOLDSRC = 0x6D, PLAYER = 0x44;
    private static final byte[] INFO_PAYLOAD = "Source Engine Query\0".getBytes(StandardCharsets.US_ASCII);

    private A2s() {}

    /** A2S_INFO, with the server's challenge appended once it sent one (null before). */
    public static byte[] infoRequest(Integer challenge) {
        int n = 5 + INFO_PAYLOAD.length + (challenge == null ? 0 : 4);
        byte[] out = new byte[n];
        putInt(out, 0, SIMPLE);
        out[4] = 0x54;
        System.arraycopy(INFO_PAYLOAD, 0, out, 5, INFO_PAYLOAD.length);
        if (challenge != null) putInt(out, n - 4, challenge);
        return out;
    }

    /** A2S_PLAYER; challenge -1 asks for a challenge. */
    public static byte[] playerRequest(int challenge) {
        byte[] out = new byte[9];
        putInt(out, 0, SIMPLE);
        out[4] = 0x55;
        putInt(out, 5, challenge);
        return out;
    }

    /** An answer: a challenge to repeat the request with, or the information asked for. */
    public sealed interface Answer permits Challenge, Info, Players {}
    public record Challenge(int value) implements Answer {}
    public record Info(String name, String map, String folder, String game, int players, int maxPlayers, int bots,
                       String version) implements Answer {}
    public record Players(List<QueryPlayer> players) implements Answer {}

    /** Decodes a simple (or reassembled) answer starting with FF FF FF FF. */
    public static Answer decode(byte[] b, int len) throws QueryException {
        Wire w = new Wire(PROTOCOL, b, 0, len);
        if (w.i32("header") != SIMPLE) throw new QueryException(PROTOCOL, 0, "not a simple answer (header is not FF FF FF FF)");
        int type = w.u8("type");
        return switch (type) {
            case CHALLENGE -> new Challenge(w.i32("challenge"));
            case INFO -> info(w);
            case INFO_GOLDSRC -> infoGoldSource(w);
            case PLAYER -> players(w);
            default -> throw new QueryException(PROTOCOL, 4, "unexpected answer type 0x" + Integer.toHexString(type));
        };
    }

    private static Info info(Wire w) throws QueryException {
        w.u8("protocol");
        String name = w.cstring("name"), map = w.cstring("map"), folder = w.cstring("folder"), game = w.cstring("game");
        int appId = w.i16("id") & 0xFFFF;
        int players = w.u8("players"), max = w.u8("max players"), bots = w.u8("bots");
        w.u8("server type");
        w.u8("environment");
        w.u8("visibility");
        w.u8("vac");
        if (appId == 2400) { // The Ship: mode, witnesses, duration
            w.u8("ship mode");
            w.u8("ship witnesses");
            w.u8("ship duration");
        }
        String version = w.remaining() > 0 ? w.cstring("version") : null;
        if (bots > players) throw w.fail("bots (" + bots + ") exceed players (" + players + ")");
        return new Info(name, map, folder, game, players, max, bots, version);
    }

    /** The obsolete GoldSource answer ('m') some old servers still send. */
    private static Info infoGoldSource(Wire w) throws QueryException {
        w.cstring("address");
        String name = w.cstring("name"), map = w.cstring("map"), folder = w.cstring("folder"), game = w.cstring("game");
        int players = w.u8("players"), max = w.u8("max players");
        w.u8("protocol");
        w.u8("server type");
        w.u8("environment");
        w.u8("visibility");
        int mod = w.u8("mod");
        if (mod == 1) {
            w.cstring("mod link");
            w.cstring("mod download");
            w.u8("mod null");
            w.i32("mod version");
            w.i32("mod size");
            w.u8("mod type");
            w.u8("mod dll");
        }
        w.u8("vac");
        int bots = w.u8("bots");
        return new Info(name, map, folder, game, players, max, Math.min(bots, players), null);
    }

    private static Players players(Wire w) throws QueryException {
        int count = w.u8("player count");
        List<QueryPlayer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            w.u8("player index");
            String name = w.cstring("player name");
            int score = w.i32("player score");
            w.f32("player duration");
            list.add(new QueryPlayer(name, score, null));
        }
        return new Players(List.copyOf(list));
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
