package netwarden.sinks.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netwarden.model.CapturedFrame;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.PortCount;
import netwarden.model.ScopeKind;
import netwarden.model.AttackKind;
import netwarden.model.Severity;
import netwarden.model.SourceCount;
import netwarden.wire.JsonText;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkException;
import netwarden.sinks.route.SinkWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentArchiveTest {
    static Incident incident(List<CapturedFrame> sample) {
        return new Incident("service:game:1800000000", ScopeKind.SERVICE, "game", "game", AttackKind.UDP_FLOOD, "4000 of 4100 pps are UDP",
                Severity.MEDIUM, 1_800_000_000_000_000_000L, 1_800_000_010_500_000_000L, 0, 0, 6100, 4_880_000, 61_000, 6_100_000,
                200, true, false, List.of(new SourceCount(Ip.parse("203.0.113.1"), 500, 0)), List.of(new PortCount(40000, 61000)), sample);
    }

    @Test
    void endedIncidentsAreWrittenAsJsonWithTheirSamplePcap(@TempDir Path dir) throws Exception {
        byte[] frame = new byte[60];
        frame[12] = 0x08;
        var sample = List.of(new CapturedFrame(1_800_000_000_123_456_789L, 1, 1514, frame), new CapturedFrame(1_800_000_000_223_456_789L, 1, 60, frame));
        var archive = new IncidentArchive(dir);
        var worker = new SinkWorker<>(archive, SinkConfig.ofCapacity(4), Clock.SYSTEM);
        archive.start();
        worker.start();
        worker.offer(new Event.AttackStarted(1, "game", incident(sample))); // only ends are archived
        worker.offer(new Event.AttackEnded(2, "game", incident(sample)));
        worker.close(Duration.ofSeconds(5));
        assertThat(worker.delivered()).isEqualTo(1);
        assertThat(archive.written()).isEqualTo(1);
        Path json = dir.resolve("service_game_1800000000.json");
        var node = JsonText.mapper().readTree(json.toFile());
        assertThat(node.get("kind").asText()).isEqualTo("udp_flood");
        assertThat(node.get("end").decimalValue()).isEqualByComparingTo("1800000010.5");
        assertThat(node.get("top_sources").get(0).get("address").asText()).isEqualTo("203.0.113.1");
        byte[] pcap = Files.readAllBytes(dir.resolve("service_game_1800000000.pcap"));
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b23c4d);
        assertThat(b.getInt(20)).isEqualTo(1);
        assertThat(b.getInt(24)).isEqualTo(1_800_000_000);
        assertThat(b.getInt(28)).isEqualTo(123_456_789);
        assertThat(b.getInt(32)).isEqualTo(60);
        assertThat(b.getInt(36)).isEqualTo(1514);
        assertThat(pcap).hasSize(24 + 2 * (16 + 60));
        assertThat(Files.list(dir)).hasSize(2);
    }

    @Test
    void onlyEndedAttacksTakeQueueRoom(@TempDir Path dir) {
        var worker = new SinkWorker<>(new IncidentArchive(dir), SinkConfig.ofCapacity(2), Clock.SYSTEM); // not started: nothing drains
        for (int i = 0; i < 5; i++) worker.offer(new Event.AttackStarted(i, "game", incident(List.of())));
        for (int i = 0; i < 5; i++) worker.offer(new Event.AttackEnded(i, "game", incident(List.of())));
        assertThat(worker.depth()).isEqualTo(2);
        assertThat(worker.dropped()).isEqualTo(3);
    }

    @Test
    void aRecordThatCannotBeWrittenIsCountedAndTheRestOfTheBatchIsWritten(@TempDir Path dir) throws Exception {
        var archive = new IncidentArchive(dir);
        archive.start();
        Incident good = incident(List.of());
        Files.createDirectory(dir.resolve("blocked.json.tmp")); // the temp file of "blocked" cannot be created
        Incident blocked = new Incident("blocked", good.scope(), good.target(), good.service(), good.kind(), good.reason(), good.severity(),
                good.startNanos(), good.endNanos(), 0, 0, 1, 1, 1, 1, 1, true, false, List.of(), List.of(), List.of());
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SinkException.class,
                () -> archive.deliver(List.of(new Event.AttackEnded(1, "game", blocked), new Event.AttackEnded(2, "game", good))));
        assertThat(thrown.failedItems()).isEqualTo(1);
        assertThat(archive.failed()).isEqualTo(1);
        assertThat(archive.written()).isEqualTo(1);
        assertThat(dir.resolve("service_game_1800000000.json")).exists();
    }
}
