package netwarden.sources.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Server List Ping frames built from wiki.vg's "Server List Ping" and "Protocol" (VarInt) pages. */
class MinecraftPingTest {
    static final String STATUS = """
            {"version":{"name":"1.21.4","protocol":769},
             "players":{"max":100,"online":5,"sample":[{"name":"thinkofdeath","id":"4566e69f-c907-48ee-8d71-d7ba5aa00d20"},
                                                      {"name":"jeb_","id":"853c80ef-3c37-49fd-aa49-938b674adae6"}]},
             "description":{"text":"§aHello ","extra":[{"text":"world"}]},
             "favicon":"data:image/png;base64,AAAA","enforcesSecureChat":true}""";

    static byte[] frame(int packetId, String json) {
        var body = new ByteArrayOutputStream();
        MinecraftPing.writeVarInt(body, packetId);
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        MinecraftPing.writeVarInt(body, j.length);
        body.writeBytes(j);
        var out = new ByteArrayOutputStream();
        MinecraftPing.writeVarInt(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    @Test
    void varIntsMatchTheWikiTable() {
        int[] values = {0, 1, 2, 127, 128, 255, 25565, 2097151, 2147483647, -1, -2147483648};
        String[] hex = {"00", "01", "02", "7f", "8001", "ff01", "ddc701", "ffff7f", "ffffffff07", "ffffffff0f", "8080808008"};
        for (int i = 0; i < values.length; i++) {
            var o = new ByteArrayOutputStream();
            MinecraftPing.writeVarInt(o, values[i]);
            assertThat(HexFormat.of().formatHex(o.toByteArray())).as("%d", values[i]).isEqualTo(hex[i]);
        }
    }

    @Test
    void requestIsHandshakeThenStatusRequest() {
        // length 19, id 0, version -1, "localhost", port 25565, next state 1; then length 1, id 0
        assertThat(HexFormat.of().formatHex(MinecraftPing.request("localhost", 25565, -1)))
                .isEqualTo("1300" + "ffffffff0f" + "09" + "6c6f63616c686f7374" + "63dd" + "01" + "0100");
    }

    @Test
    void decodesStatus() throws QueryException {
        byte[] f = frame(0, STATUS);
        assertThat(MinecraftPing.frameLength(f, f.length)).isEqualTo(f.length);
        QueryResult r = MinecraftPing.decode(f, f.length).at("mc", 1, 2);
        assertThat(r.players()).isEqualTo(5);
        assertThat(r.maxPlayers()).isEqualTo(100);
        assertThat(r.playerNames()).containsExactly("thinkofdeath", "jeb_");
        assertThat(r.name()).isEqualTo("Hello world");
        assertThat(r.version()).isEqualTo("1.21.4");
        assertThat(r.map()).isNull();
    }

    @Test
    void plainStringDescriptionAndNoSample() throws QueryException {
        byte[] f = frame(0, "{\"version\":{\"name\":\"1.8.9\",\"protocol\":47},\"players\":{\"max\":20,\"online\":0},\"description\":\"§6Old §lserver\"}");
        QueryResult r = MinecraftPing.decode(f, f.length).at("mc", 1, 2);
        assertThat(r.name()).isEqualTo("Old server");
        assertThat(r.playerList()).isEmpty();
    }

    @Test
    void incompleteFramesWaitForMoreBytes() throws QueryException {
        byte[] f = frame(0, STATUS);
        for (int len = 0; len < f.length; len++) assertThat(MinecraftPing.frameLength(f, len)).as("%d bytes", len).isEqualTo(-1);
    }

    @Test
    void malformedFramesAreQueryExceptions() {
        byte[] longVarInt = HexFormat.of().parseHex("ffffffffff01");
        assertThatThrownBy(() -> MinecraftPing.frameLength(longVarInt, longVarInt.length)).hasMessageContaining("longer than 5");
        byte[] huge = HexFormat.of().parseHex("ffffff7f");
        assertThatThrownBy(() -> MinecraftPing.frameLength(huge, huge.length)).hasMessageContaining("out of range");
        byte[] zero = {0};
        assertThatThrownBy(() -> MinecraftPing.frameLength(zero, 1)).hasMessageContaining("out of range");
        for (String bad : new String[] {"not json", "{\"players\":{\"online\":\"5\",\"max\":10}}", "{}", "[1]",
                "{\"players\":{\"online\":-1,\"max\":10}}", "{\"players\":{\"online\":1.5,\"max\":10}}"}) {
            byte[] f = frame(0, bad);
            assertThatThrownBy(() -> MinecraftPing.decode(f, f.length)).as(bad).isInstanceOf(QueryException.class);
        }
        byte[] wrongId = frame(1, STATUS);
        assertThatThrownBy(() -> MinecraftPing.decode(wrongId, wrongId.length)).hasMessageContaining("packet id 1");
        byte[] f = frame(0, STATUS);
        f[3] = (byte) 0xff; // the string length (2-byte VarInt at 3..4) now claims 16383 bytes, more than the frame
        f[4] = 0x7f;
        assertThatThrownBy(() -> MinecraftPing.decode(f, f.length)).isInstanceOf(QueryException.class);
        for (int len = 0; len < 8; len++) {
            int n = len;
            Throwable t = catchThrowable(() -> MinecraftPing.decode(frame(0, STATUS), n));
            assertThat(t).as("cut at %d", n).isInstanceOf(QueryException.class);
        }
    }
}
