package netwarden.ship.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ShipRow row(String table, long id) {
        return new ShipRow(table, JSON.createObjectNode().put("id", id).put("src", "192.0.2.1"));
    }

    @Test
    void roundTripsWithTheDocumentedBytes() throws Exception {
        ShipBatch b = new ShipBatch("host-1", 7, 3, new Gap(1, 2, 10, 400), List.of(row("events", 1), row("rollups", 2)));
        byte[] bytes = BatchCodec.encode(b);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"v\":1,\"agent\":\"host-1\",\"epoch\":7,\"seq\":3,\"gap\":{\"from\":1,\"to\":2,\"rows\":10,\"bytes\":400},"
                        + "\"rows\":[{\"t\":\"events\",\"d\":{\"id\":1,\"src\":\"192.0.2.1\"}},{\"t\":\"rollups\",\"d\":{\"id\":2,\"src\":\"192.0.2.1\"}}]}");
        ShipBatch back = BatchCodec.decode(bytes);
        assertThat(BatchCodec.encode(back)).isEqualTo(bytes);
        assertThat(back.gap()).isEqualTo(b.gap());
        assertThat(back.rows().get(1).isRollup()).isTrue();
    }

    @Test
    void refusesOtherVersionsUnknownTablesAndBadFields() {
        for (String bad : List.of("[]", "{\"v\":2,\"agent\":\"a\",\"epoch\":1,\"seq\":1,\"rows\":[{\"t\":\"events\",\"d\":{}}]}",
                "{\"v\":1,\"agent\":\"a\",\"epoch\":1,\"seq\":1,\"rows\":[{\"t\":\"users\",\"d\":{}}]}",
                "{\"v\":1,\"agent\":\"a b\",\"epoch\":1,\"seq\":1,\"rows\":[{\"t\":\"events\",\"d\":{}}]}",
                "{\"v\":1,\"agent\":\"a\",\"epoch\":1.5,\"seq\":1,\"rows\":[{\"t\":\"events\",\"d\":{}}]}",
                "{\"v\":1,\"agent\":\"a\",\"epoch\":1,\"seq\":0,\"rows\":[{\"t\":\"events\",\"d\":{}}]}",
                "{\"v\":1,\"agent\":\"a\",\"epoch\":1,\"seq\":1,\"rows\":[]}",
                "{\"v\":1,\"agent\":\"a\",\"epoch\":1,\"seq\":2,\"gap\":{\"from\":1,\"to\":2,\"rows\":1,\"bytes\":1},\"rows\":[{\"t\":\"events\",\"d\":{}}]}",
                "{\"v\":1,\"agent\":\"a\",\"epoch\":1,\"seq\":1,\"rows\":[{\"t\":\"events\",\"d\":5}]}"))
            assertThatThrownBy(() -> BatchCodec.decode(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(ShipFormatException.class);
    }

    @Test
    void everyTruncationIsAFormatError() {
        byte[] bytes = BatchCodec.encode(new ShipBatch("a", 1, 1, null, List.of(row("flows", 9))));
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> BatchCodec.decode(part)).as("cut at %d", cut).isInstanceOf(ShipFormatException.class);
        }
    }
}
