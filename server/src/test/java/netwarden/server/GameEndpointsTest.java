package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import netwarden.model.GameView;
import netwarden.model.Ip;
import netwarden.sinks.metrics.NetwardenMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The game view joined into /api/v1 at serve time, and the FlowLens-compatible /metrics/servers. */
class GameEndpointsTest extends ServerHarness {
    static final GameView GAMES = new GameView(
            Map.of("quake", new GameView.Query("quake3", true, 3, 16, "q3dm17", "Arena", 12_345_678, List.of("alice", "bot1", "bot2"),
                    1_795_268_314_000_000_000L)),
            Map.of("quake", Map.of(Ip.parse("10.201.0.7"), "alice")));

    @BeforeEach
    void startServer() throws Exception {
        NetwardenMetrics.register(registry, latest::get, false);
        server = new NetwardenHttpServer(loopback(), TOKENS, latest::get, registry).setGameView(() -> GAMES);
        server.start();
    }

    @Test
    void servicesCarryTheQueryBlockAndANoteOnTheDifference() throws Exception {
        JsonNode services = json(get("/api/v1/services", VIEWER)).get("services");
        JsonNode quake = services.get(0);
        JsonNode q = quake.get("query");
        assertThat(q.get("up").asBoolean()).isTrue();
        assertThat(q.get("players").asInt()).isEqualTo(3);
        assertThat(q.get("max_players").asInt()).isEqualTo(16);
        assertThat(q.get("map").asText()).isEqualTo("q3dm17");
        assertThat(q.get("rtt_ms").decimalValue()).isEqualByComparingTo("12.346");
        assertThat(q.get("player_names").toString()).isEqualTo("[\"alice\",\"bot1\",\"bot2\"]");
        assertThat(quake.get("players_now").asInt()).isEqualTo(1);
        assertThat(quake.get("players_note").asText()).contains("NAT or relay");
        assertThat(services.get(1).has("query")).as("a service without a query has no block").isFalse();
        assertThat(json(get("/api/v1/services/quake", VIEWER)).get("query").get("name").asText()).isEqualTo("Arena");
    }

    @Test
    void playersNamedByTheLogCarryTheirName() throws Exception {
        JsonNode players = json(get("/api/v1/services/quake/players", VIEWER)).get("players");
        assertThat(players.get(0).get("name").asText()).isEqualTo("alice");
        assertThat(players.get(1).has("name")).isFalse();
    }

    @Test
    void flowLensShapeMaskedUnlessTheTokenAllowsFullAddresses() throws Exception {
        assertThat(get("/metrics/servers", null).statusCode()).isEqualTo(401);
        JsonNode list = json(get("/metrics/servers", VIEWER));
        assertThat(list.isArray()).isTrue();
        JsonNode quake = list.get(0);
        assertThat(quake.get("server_id").asText()).isEqualTo("quake");
        assertThat(quake.get("active_players").asInt()).isEqualTo(1);
        assertThat(quake.get("sample_window_seconds").asInt()).isEqualTo(2);
        assertThat(quake.get("total_bytes").asLong()).isPositive();
        assertThat(quake.get("timestamp").decimalValue()).isEqualByComparingTo("1795268314.25");
        assertThat(quake.get("unique_ips").get(0).asText()).isNotEqualTo("10.201.0.7").startsWith("10.201.0.");
        JsonNode full = json(get("/metrics/servers/quake", ADMIN));
        assertThat(full.get("unique_ips").toString()).isEqualTo("[\"10.201.0.7\"]");
        assertThat(get("/metrics/servers/nope", ADMIN).statusCode()).isEqualTo(404);
    }
}
