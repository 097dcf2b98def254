package netwarden.engine.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import netwarden.model.Ip;
import netwarden.model.router.AnomalyCode;
import netwarden.model.router.DeviceIncident;
import org.junit.jupiter.api.Test;

class AnomalyIncidentsTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final Ip PC = Ip.parse("192.168.1.30"), TV = Ip.parse("192.168.1.20"), REMOTE = Ip.parse("203.0.113.10");

    static AnomalyHit hit(Instant t, Ip device, AnomalyCode code, int port) {
        return new AnomalyHit(t, device, code, code + " evidence at " + t, REMOTE, port);
    }

    @Test
    void hitsOfOneDeviceGroupIntoOneIncidentAndRepeatsAreDuplicates() {
        var g = new AnomalyIncidents(Duration.ofMinutes(15));
        var first = g.hit(hit(T0, PC, AnomalyCode.PORT_SCAN_LIKE, 25));
        assertThat(first.duplicate()).isFalse();
        assertThat(first.incident().id()).isEqualTo("device:192.168.1.30:" + T0.getEpochSecond());
        var again = g.hit(hit(T0.plusSeconds(60), PC, AnomalyCode.PORT_SCAN_LIKE, 80)); // same code and remote: a repeat
        assertThat(again.duplicate()).isTrue();
        var other = g.hit(hit(T0.plusSeconds(70), PC, AnomalyCode.FIREWALL_DROPS, -1));
        assertThat(other.duplicate()).isFalse();
        assertThat(other.incident().id()).isEqualTo(first.incident().id());
        assertThat(other.incident().codes()).containsExactly("PORT_SCAN_LIKE", "FIREWALL_DROPS");
        assertThat(other.incident().hits()).isEqualTo(2);
        assertThat(other.incident().duplicates()).isEqualTo(1);
        assertThat(other.incident().score()).isEqualTo(60);
        assertThat(g.hit(hit(T0.plusSeconds(80), PC, AnomalyCode.RARE_PORT, 6667)).duplicate()).isFalse();
        assertThat(g.hit(hit(T0.plusSeconds(90), PC, AnomalyCode.RARE_PORT, 6668)).duplicate()).as("rare ports differ by port").isFalse();
        assertThat(g.hit(hit(T0.plusSeconds(95), TV, AnomalyCode.NEW_DST, 443)).incident().id()).startsWith("device:192.168.1.20:");
        assertThat(g.isOpen(PC)).isTrue();
        assertThat(g.duplicates()).isEqualTo(1);
    }

    @Test
    void anIncidentEndsAfterTheQuietPeriodAndTheNextHitOpensAnother() {
        var g = new AnomalyIncidents(Duration.ofMinutes(15));
        String id = g.hit(hit(T0, PC, AnomalyCode.HIGH_EGRESS, -1)).incident().id();
        assertThat(g.tick(T0.plus(Duration.ofMinutes(15)))).isEmpty();
        var ended = g.tick(T0.plus(Duration.ofMinutes(16)));
        assertThat(ended).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.open()).isFalse();
            assertThat(i.endNanos()).isEqualTo((T0.getEpochSecond() + 900) * 1_000_000_000L);
        });
        assertThat(g.isOpen(PC)).isFalse();
        DeviceIncident next = g.hit(hit(T0.plus(Duration.ofMinutes(20)), PC, AnomalyCode.HIGH_EGRESS, -1)).incident();
        assertThat(next.id()).isNotEqualTo(id);
        assertThat(next.hits()).isEqualTo(1);
    }

    @Test
    void aHitAfterTheQuietPeriodWithoutATickStillEndsTheOldIncident() {
        var g = new AnomalyIncidents(Duration.ofMinutes(1));
        String id = g.hit(hit(T0, PC, AnomalyCode.NEW_DST, 443)).incident().id();
        String next = g.hit(hit(T0.plusSeconds(600), PC, AnomalyCode.NEW_DST, 443)).incident().id();
        assertThat(next).isNotEqualTo(id);
        assertThat(g.tick(T0.plusSeconds(601))).extracting(DeviceIncident::id).containsExactly(id);
    }

    @Test
    void theQuietPeriodMustBePositive() {
        assertThatThrownBy(() -> new AnomalyIncidents(Duration.ZERO)).hasMessage("router.anomalies.incident-quiet must be positive: PT0S");
    }
}
