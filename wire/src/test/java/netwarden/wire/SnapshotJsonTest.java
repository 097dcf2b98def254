package netwarden.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import netwarden.testkit.SnapshotFixtures;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final SnapshotJson full = new SnapshotJson(AddressFormat.fullAddresses());
    private final SnapshotJson masked = new SnapshotJson(AddressFormat.masked(KEY));

    @Test
    void serviceHasTheReplayFieldsAndTheNewestBin() throws Exception {
        ObjectNode s = full.service(SnapshotFixtures.quake());
        assertThat(JsonText.mapper().writeValueAsString(s)).isEqualTo("""
                {"id":"quake","name":"quake","address":"192.0.2.10","proto":"udp","port":27960,\
                "connect":"connect play.example.org:27960","discovered":false,"packets_in":1000,"bytes_in":64000,\
                "packets_out":900,"bytes_out":72000,"peak_pps":40,"peak_bps":32000,"players_now":2,"players_peak":3,\
                "window_start":1795268313,"pps":12,"bps":9600,"sources":3,"sources_estimated":false}""");
    }

    @Test
    void discoveredServiceWithoutNameOrConnectWritesNulls() {
        ObjectNode s = full.service(SnapshotFixtures.idle());
        assertThat(s.get("id").asText()).isEqualTo("2001:db8::10-tcp-443");
        assertThat(s.get("address").asText()).isEqualTo("2001:db8::10");
        assertThat(s.get("proto").asText()).isEqualTo("tcp");
        assertThat(s.get("name").isNull()).isTrue();
        assertThat(s.get("connect").isNull()).isTrue();
        assertThat(s.get("discovered").asBoolean()).isTrue();
    }

    @Test
    void connectStringLosesItsPassword() {
        var q = SnapshotFixtures.quake();
        var withPassword = new netwarden.model.ServiceSnapshot(q.id(), q.name(), q.key(), "steam://connect/192.0.2.10:27015/hunter2", false,
                0, 0, 0, 0, 0, 0, 0, 0, List.of());
        assertThat(full.service(withPassword).get("connect").asText()).isEqualTo("steam://connect/192.0.2.10:27015");
        assertThat(full.serviceDetail(withPassword).toString()).doesNotContain("hunter2");
    }

    @Test
    void serviceAddressIsNeverMasked() {
        assertThat(masked.service(SnapshotFixtures.quake()).get("address").asText()).isEqualTo("192.0.2.10");
    }

    @Test
    void detailCarriesTheLastWindowAndNullWithoutOne() {
        JsonNode last = full.serviceDetail(SnapshotFixtures.quake()).get("last_window");
        assertThat(last.get("start").asLong()).isEqualTo(1_795_268_313L);
        assertThat(last.get("packets").asLong()).isEqualTo(12);
        var noBins = new netwarden.model.ServiceSnapshot("empty", "empty", SnapshotFixtures.quake().key(), null, false,
                0, 0, 0, 0, 0, 0, 0, 0, List.of());
        ObjectNode detail = full.serviceDetail(noBins);
        assertThat(detail.get("last_window").isNull()).isTrue();
        assertThat(detail.get("pps").isNull()).isTrue();
        assertThat(detail.get("window_start").isNull()).isTrue();
    }

    @Test
    void playerTimestampsAreEpochSecondsWithUpToNineDecimals() throws Exception {
        assertThat(JsonText.mapper().writeValueAsString(full.player(SnapshotFixtures.player()))).isEqualTo("""
                {"service":"quake","address":"10.201.0.7","first_seen":1795268310,"last_seen":1795268313.898023,\
                "packets_in":500,"packets_out":450,"bytes_in":32000,"bytes_out":36000,"joined_at":1795268311.5,\
                "left":false,"left_at":null}""");
        JsonNode left = full.player(SnapshotFixtures.leftPlayer());
        assertThat(left.get("first_seen").decimalValue()).isEqualByComparingTo("1795268300.000000001");
        assertThat(left.get("left").asBoolean()).isTrue();
        assertThat(left.get("left_at").decimalValue()).isEqualByComparingTo("1795268312");
        assertThat(left.get("address").asText()).isEqualTo("2001:db8:7::5");
    }

    @Test
    void roundTenSecondsPrintWithoutExponentEvenWithADefaultMapper() throws Exception {
        String text = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(full.player(SnapshotFixtures.player()));
        assertThat(text).contains("\"first_seen\":1795268310,");
    }

    @Test
    void maskedPlayerHidesTheHost() {
        assertThat(masked.player(SnapshotFixtures.player()).get("address").asText()).matches("10\\.201\\.0\\.x#[0-9a-f]{4}");
        assertThat(masked.player(SnapshotFixtures.leftPlayer()).get("address").asText()).matches("2001:db8:7::x#[0-9a-f]{4}");
    }

    @Test
    void windowListsTopSourcesThroughTheAddressFormat() throws Exception {
        assertThat(JsonText.mapper().writeValueAsString(full.window(SnapshotFixtures.window(1_795_268_313L, 12))))
                .isEqualTo("""
                {"start":1795268313,"packets":12,"bytes":1200,"pps":12,"bps":9600,"sources":3,\
                "sources_estimated":false,"new_sources":1,"top_sources":[{"address":"10.201.0.7","packets":10,\
                "bytes":1000},{"address":"2001:db8:7::5","packets":2,"bytes":200}]}""");
        JsonNode top = masked.window(SnapshotFixtures.window(1_795_268_313L, 12)).get("top_sources");
        assertThat(top.get(0).get("address").asText()).startsWith("10.201.0.x#");
        assertThat(top.get(1).get("address").asText()).startsWith("2001:db8:7::x#");
    }

    @Test
    void listsKeepOrder() {
        assertThat(full.services(List.of(SnapshotFixtures.quake(), SnapshotFixtures.idle())))
                .extracting(n -> n.get("id").asText()).containsExactly("quake", "2001:db8::10-tcp-443");
        assertThat(full.players(List.of(SnapshotFixtures.player(), SnapshotFixtures.leftPlayer())))
                .extracting(n -> n.get("left").asBoolean()).containsExactly(false, true);
        assertThat(full.windows(SnapshotFixtures.quake().recent()))
                .extracting(n -> n.get("start").asLong()).containsExactly(1_795_268_312L, 1_795_268_313L);
    }
}
