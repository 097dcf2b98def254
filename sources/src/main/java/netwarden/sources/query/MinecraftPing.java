package netwarden.sources.query;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minecraft Java Edition Server List Ping (wiki.vg "Server List Ping", 1.7+): pure encoding and decoding.
 *
 * <p>Every packet is {@code VarInt length, VarInt packet id, data}. The client sends a Handshake
 * (id 0, protocol version, server address, port as big-endian unsigned short, next state 1) and a Status
 * Request (id 0, no fields); the server answers a Status Response (id 0, one VarInt-prefixed UTF-8 JSON string).
 */
public final class MinecraftPing {
    static final String PROTOCOL = "minecraft";
    /** By convention a client that does not know the server's version sends -1. */
    public static final int ANY_VERSION = -1;
    /** Frames above this are refused: the JSON string is at most 32767 characters (≤ 131068 UTF-8 bytes). */
    public static final int MAX_FRAME = 1 << 18;
    /** Created on first decode, not with the request: its start-up must not eat into the first poll's timeout. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private MinecraftPing() {}

    /** Handshake + Status Request, ready to write. */
    public static byte[] request(String host, int port, int protocolVersion) {
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        writeVarInt(hs, 0x00);
        writeVarInt(hs, protocolVersion);
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        writeVarInt(hs, h.length);
        hs.writeBytes(h);
        hs.write(port >>> 8);
        hs.write(port & 0xFF);
        writeVarInt(hs, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarInt(out, hs.size());
        out.writeBytes(hs.toByteArray());
        out.write(1); // Status Request: length 1, id 0
        out.write(0);
        return out.toByteArray();
    }

    public static void writeVarInt(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /**
     * Length of the first complete frame in {@code b[0..len)} including its prefix, or -1 while more bytes
     * are needed. Throws on a VarInt longer than 5 bytes, a negative or oversized length.
     */
    public static int frameLength(byte[] b, int len) throws QueryException {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            if (i >= len) return -1;
            int x = b[i] & 0xFF;
            value |= (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                if (value < 1 || value > MAX_FRAME) throw new QueryException(PROTOCOL, 0, "frame length out of range: " + value);
                return len >= i + 1 + value ? i + 1 + value : -1;
            }
        }
        throw new QueryException(PROTOCOL, 0, "VarInt longer than 5 bytes");
    }

    /** Decodes a whole Status Response frame (as delimited by {@link #frameLength}). */
    static QueryResult.Status decode(byte[] b, int frameLen) throws QueryException {
        int[] at = {0};
        readVarInt(b, frameLen, at);
        int id = readVarInt(b, frameLen, at);
        if (id != 0) throw new QueryException(PROTOCOL, at[0], "not a Status Response (packet id " + id + ")");
        int strLen = readVarInt(b, frameLen, at);
        if (strLen < 0 || strLen > frameLen - at[0]) throw new QueryException(PROTOCOL, at[0], "JSON string length " + strLen + " exceeds the frame");
        return status(new String(b, at[0], strLen, StandardCharsets.UTF_8), at[0]);
    }

    private static int readVarInt(byte[] b, int len, int[] at) throws QueryException {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            if (at[0] >= len) throw new QueryException(PROTOCOL, at[0], "truncated VarInt");
            int x = b[at[0]++] & 0xFF;
            value |= (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) return value;
        }
        throw new QueryException(PROTOCOL, at[0], "VarInt longer than 5 bytes");
    }

    static QueryResult.Status status(String json, int offset) throws QueryException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new QueryException(PROTOCOL, offset, "status is not JSON: " + e.getOriginalMessage());
        }
        JsonNode players = root == null ? null : root.get("players");
        if (players == null || !players.path("online").canConvertToInt() || !players.path("max").canConvertToInt()
                || !players.path("online").isIntegralNumber() || !players.path("max").isIntegralNumber())
            throw new QueryException(PROTOCOL, offset, "status has no players.online/players.max numbers");
        int online = players.get("online").intValue(), max = players.get("max").intValue();
        if (online < 0 || max < 0) throw new QueryException(PROTOCOL, offset, "negative player count");
        List<QueryPlayer> sample = new ArrayList<>();
        for (JsonNode p : players.path("sample")) {
            if (p.path("name").isTextual()) sample.add(new QueryPlayer(p.get("name").asText(), null, null));
        }
        StringBuilder motd = new StringBuilder();
        chatText(root.get("description"), motd);
        String version = root.path("version").path("name").isTextual() ? root.path("version").path("name").asText() : null;
        return new QueryResult.Status(online, 0, max, null, stripFormatting(motd.toString()), version, List.copyOf(sample));
    }

    /** A chat component: a string, or {@code {"text": ..., "extra": [...]}}. */
    private static void chatText(JsonNode n, StringBuilder out) {
        if (n == null) return;
        if (n.isTextual()) out.append(n.asText());
        else if (n.isArray()) n.forEach(c -> chatText(c, out));
        else if (n.isObject()) {
            if (n.path("text").isTextual()) out.append(n.get("text").asText());
            chatText(n.get("extra"), out);
        }
    }

    /** Removes legacy formatting codes (§ + one character). */
    static String stripFormatting(String s) {
        return s.replaceAll("§.", "");
    }
}
