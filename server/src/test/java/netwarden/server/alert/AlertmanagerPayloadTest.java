package netwarden.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import netwarden.model.Event;
import org.junit.jupiter.api.Test;

class AlertmanagerPayloadTest {
    /** What Alertmanager 0.25 posts for one firing and one resolved alert of a group. */
    static final String SAMPLE = """
            {"receiver":"netwarden","status":"firing","alerts":[
              {"status":"firing","labels":{"alertname":"NetwardenAttackActive","service":"arena","kind":"udp_flood",
                 "severity":"critical","instance":"127.0.0.1:9420"},
               "annotations":{"summary":"udp_flood on arena","description":"45000 pps"},
               "startsAt":"2026-03-01T12:00:01.123456789Z","endsAt":"0001-01-01T00:00:00Z",
               "generatorURL":"http://prometheus:9090/graph","fingerprint":"a1b2c3d4e5f60718"},
              {"status":"resolved","labels":{"alertname":"HostHighCpu","severity":"warning"},
               "annotations":{},
               "startsAt":"2026-03-01T11:00:00+01:00","endsAt":"2026-03-01T12:05:00Z",
               "generatorURL":"","fingerprint":"00ff"}],
             "groupLabels":{"alertname":"NetwardenAttackActive"},"commonLabels":{},"commonAnnotations":{},
             "externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}:{alertname=\\"x\\"}",
             "truncatedAlerts":0}
            """;

    static List<Event.ExternalAlert> parse(String json) throws AlertmanagerPayload.InvalidPayloadException {
        return AlertmanagerPayload.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachAlertBecomesAnExternalAlertEvent() throws Exception {
        List<Event.ExternalAlert> alerts = parse(SAMPLE);
        assertThat(alerts).hasSize(2);
        Event.ExternalAlert firing = alerts.get(0);
        assertThat(firing.kind()).isEqualTo("external_alert");
        assertThat(firing.name()).isEqualTo("NetwardenAttackActive");
        assertThat(firing.service()).isEqualTo("arena");
        assertThat(firing.status()).isEqualTo("firing");
        assertThat(firing.severity()).isEqualTo("critical");
        assertThat(firing.tsNanos()).isEqualTo(1_772_366_401_123_456_789L);
        assertThat(firing.labels()).containsEntry("kind", "udp_flood").hasSize(5);
        assertThat(firing.annotations()).isEqualTo(Map.of("summary", "udp_flood on arena", "description", "45000 pps"));

        Event.ExternalAlert resolved = alerts.get(1);
        assertThat(resolved.service()).as("no service label: the alert name").isEqualTo("HostHighCpu");
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.tsNanos()).as("resolved: endsAt").isEqualTo(1_772_366_700_000_000_000L);
    }

    @Test
    void missingSeverityIsEmptyAndEmptyAlertListsAreFine() throws Exception {
        String one = SAMPLE.replace("\"severity\":\"warning\"", "\"team\":\"ops\"");
        assertThat(parse(one).get(1).severity()).isEmpty();
        assertThat(parse("{\"version\":\"4\",\"status\":\"resolved\",\"alerts\":[]}")).isEmpty();
    }

    @Test
    void badPayloadsNameTheFieldAndValue() {
        assertInvalid("not json", "body is not valid JSON", true);
        assertInvalid("[1]", "body must be a JSON object", false);
        assertInvalid(SAMPLE.replace("\"version\":\"4\"", "\"version\":\"3\""),
                "version must be \"4\" (Alertmanager webhook payload): \"3\"", false);
        assertInvalid(SAMPLE.replace("\"version\":\"4\",", ""), "version is missing", false);
        assertInvalid(SAMPLE.replace("\"receiver\":\"netwarden\",\"status\":\"firing\"", "\"status\":\"burning\""),
                "status must be \"firing\" or \"resolved\": \"burning\"", false);
        assertInvalid(SAMPLE.replace("{\"status\":\"firing\",\"labels\"", "{\"status\":\"pending\",\"labels\""),
                "alerts[0].status must be \"firing\" or \"resolved\": \"pending\"", false);
        assertInvalid(SAMPLE.replace("\"alertname\":\"HostHighCpu\",", ""), "alerts[1].labels.alertname is missing or empty", false);
        assertInvalid(SAMPLE.replace("\"annotations\":{},", ""), "alerts[1].annotations must be an object", false);
        assertInvalid(SAMPLE.replace("\"kind\":\"udp_flood\"", "\"kind\":7"), "alerts[0].labels.kind must be a string: 7", false);
        assertInvalid(SAMPLE.replace("2026-03-01T12:05:00Z", "yesterday"),
                "alerts[1].endsAt must be an RFC 3339 time: \"yesterday\"", false);
        assertInvalid(SAMPLE.replace("\"00ff\"", "\"xyz\""), "alerts[1].fingerprint must be hexadecimal: \"xyz\"", false);
        assertInvalid("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":{}}", "alerts must be an array", false);
        assertInvalid("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[1]}", "alerts[0] must be an object", false);
        assertInvalid(SAMPLE.replace("2026-03-01T12:05:00Z", "9999-01-01T00:00:00Z"), "alerts[1].endsAt is after", false);
    }

    private static void assertInvalid(String json, String message, boolean malformed) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(AlertmanagerPayload.InvalidPayloadException.class,
                e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.malformedJson()).isEqualTo(malformed);
                });
    }
}
