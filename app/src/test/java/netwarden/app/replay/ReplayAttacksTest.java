package netwarden.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netwarden.app.CliRun;
import netwarden.app.SynFlood;
import netwarden.decode.CaptureReader;
import netwarden.model.Packet;
import netwarden.model.Proto;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay} reports attacks: JSON, text, the incident archive, and detection settings from --config. */
class ReplayAttacksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SynFlood FLOOD = new SynFlood(5000, 0);

    @TempDir
    static Path dir;
    static Path flood;

    @BeforeAll
    static void writeCapture() throws IOException {
        flood = Files.write(dir.resolve("synflood.pcap"), FLOOD.bytes);
    }

    private static JsonNode replayJson(String... args) throws IOException {
        CliRun run = CliRun.of(Stream.concat(Stream.of("replay", "--format", "json"), Stream.of(args)).toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void aSynFloodIsOneEndedAttackWithItsSizeAndAnArchivedSample() throws IOException {
        Path incidents = dir.resolve("incidents");
        JsonNode r = replayJson("--incidents-dir", incidents.toString(), flood.toString());
        JsonNode attacks = r.get("attacks");
        assertThat(attacks).as(attacks.toString()).hasSize(1);
        JsonNode a = attacks.get(0);
        assertThat(a.get("kind").asText()).isEqualTo("tcp_syn_flood");
        // Only SYNs, never answered: no service is discovered from them, the attack is the host's.
        assertThat(a.get("scope").asText()).isEqualTo("host");
        assertThat(a.get("target").asText()).isEqualTo("10.0.0.1");
        assertThat(a.get("active").asBoolean()).isFalse();
        assertThat(a.get("start").decimalValue()).isBetween(new BigDecimal("1700000000"), new BigDecimal("1700000001"));
        assertThat(a.get("end").decimalValue()).isGreaterThan(a.get("start").decimalValue()).isLessThanOrEqualTo(new BigDecimal("1700000002"));
        assertThat(a.get("peak_pps").asLong()).isBetween(4_500L, 5_500L);
        assertThat(a.get("peak_bps").asLong()).isPositive();
        // The start is dated back to the onset, so (nearly) the whole flood is counted.
        assertThat(a.get("packets").asLong()).isBetween(4_500L, 5_000L);
        assertThat(a.get("multi_source").asBoolean()).isTrue();
        assertThat(a.get("reason").asText()).contains("SYN without ACK");
        assertThat(a.get("top_sources").get(0).get("address").asText()).startsWith("198.1"); // full addresses
        int samples = a.get("sample_packets").asInt();
        assertThat(samples).isPositive();

        String name = a.get("id").asText().replaceAll("[^A-Za-z0-9._-]", "_");
        JsonNode record = JSON.readTree(incidents.resolve(name + ".json").toFile());
        assertThat(record.get("id").asText()).isEqualTo(a.get("id").asText());
        assertThat(record.get("packets").asLong()).isEqualTo(a.get("packets").asLong());
        List<Packet> frames = readPcap(incidents.resolve(name + ".pcap"));
        assertThat(frames).hasSize(samples).allSatisfy(p -> {
            assertThat(p.proto).isEqualTo(Proto.TCP);
            assertThat(p.dstPort).isEqualTo(SynFlood.PORT);
            assertThat(p.tcpFlags & (Packet.SYN | Packet.ACK)).isEqualTo(Packet.SYN);
        });
    }

    @Test
    void textFormatListsTheAttack() {
        CliRun run = CliRun.of("replay", flood.toString());
        assertThat(run.code()).as(run.err()).isZero();
        String attacks = run.out().substring(run.out().indexOf("  attacks"));
        assertThat(attacks.lines().skip(1).findFirst().orElseThrow()).contains("kind", "target", "start", "duration_s", "peak_pps", "reason");
        assertThat(attacks).containsPattern("tcp_syn_flood +host +10\\.0\\.0\\.1 +2023-11-14T22:13:20");
    }

    @Test
    void detectionSettingsFromTheConfigApply() throws IOException {
        Path off = Files.writeString(dir.resolve("off.yaml"), "detection:\n  enabled: false\n");
        assertThat(replayJson("--config", off.toString(), flood.toString()).get("attacks")).isEmpty();
        Path named = Files.writeString(dir.resolve("named.yaml"), """
                services: [{name: blocks, address: 10.0.0.1, proto: tcp, port: 25565}]
                detection:
                  host: {enabled: false}
                  network: {enabled: false}
                """);
        JsonNode attacks = replayJson("--config", named.toString(), flood.toString()).get("attacks");
        assertThat(attacks).hasSize(1);
        assertThat(attacks.get(0).get("target").asText()).isEqualTo("blocks");
    }

    @Test
    void aCleanCaptureHasNoAttacks() throws IOException {
        Path game = Files.write(dir.resolve("game.pcap"), new netwarden.app.GameCapture().bytes);
        assertThat(replayJson(game.toString()).get("attacks")).isEmpty();
    }

    @Test
    void theSharedSpoofedSynFloodCaptureIsASynFlood() throws IOException {
        Path shared = Path.of(System.getProperty("netwarden.shared", "../../shared"));
        Path capture = shared.resolve("testdata/pcap/stopddos-pkt.TCP.synflood.spoofed.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(capture), "../shared/testdata absent: " + capture);
        JsonNode attacks = replayJson(capture.toString()).get("attacks");
        assertThat(attacks).isNotEmpty();
        assertThat(attacks.get(0).get("kind").asText()).isEqualTo("tcp_syn_flood");
        assertThat(attacks.get(0).get("spoofing_suspected").asBoolean()).isTrue();
    }

    private static List<Packet> readPcap(Path file) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            byte[] bytes = Files.readAllBytes(file);
            MemorySegment data = arena.allocate(bytes.length);
            MemorySegment.copy(MemorySegment.ofArray(bytes), 0, data, 0, bytes.length);
            CaptureReader reader = CaptureReader.open(data);
            var out = new java.util.ArrayList<Packet>();
            Packet p = new Packet();
            while (reader.next(p)) {
                out.add(p);
                p = new Packet();
            }
            return out;
        } catch (netwarden.decode.DecodeException e) {
            throw new AssertionError("sample pcap unreadable: " + e.getMessage(), e);
        }
    }
}
