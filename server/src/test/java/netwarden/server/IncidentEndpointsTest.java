package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentEndpointsTest extends ServerHarness {
    @BeforeEach
    void startServer() throws Exception {
        start(loopback());
    }

    @Test
    void incidentsListActiveAndRecentOldestFirstWithMaskedSources() throws Exception {
        var r = get("/api/v1/incidents", VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = json(r).get("incidents");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("kind").asText()).isEqualTo("icmp_flood");
        assertThat(list.get(0).get("active").asBoolean()).isFalse();
        assertThat(list.get(0).get("end").decimalValue()).isEqualByComparingTo("1795268010");
        assertThat(list.get(0).get("service").isNull()).isTrue();
        JsonNode flood = list.get(1);
        assertThat(flood.get("kind").asText()).isEqualTo("udp_flood");
        assertThat(flood.get("end").isNull()).isTrue();
        assertThat(flood.get("current_pps").asLong()).isEqualTo(6100);
        assertThat(flood.get("top_sources").get(0).get("address").asText()).startsWith("203.0.113.x#");
        assertThat(flood.get("top_source_ports").get(0).get("port").asInt()).isEqualTo(40000);
    }

    @Test
    void activeFilterAndPerServiceListAndFullAddressTokens() throws Exception {
        assertThat(json(get("/api/v1/incidents?active=true", VIEWER)).get("incidents")).hasSize(1);
        JsonNode quake = json(get("/api/v1/services/quake/incidents", ADMIN));
        assertThat(quake.get("service").asText()).isEqualTo("quake");
        assertThat(quake.get("incidents")).hasSize(1);
        assertThat(quake.get("incidents").get(0).get("top_sources").get(0).get("address").asText()).isEqualTo("203.0.113.9");
        assertThat(get("/api/v1/services/nope/incidents", VIEWER).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/incidents", null).statusCode()).isEqualTo(401);
    }
}
