package netwarden.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netwarden.app.CliRun;
import netwarden.app.GameCapture;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import netwarden.testkit.PcapngWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GameCapture GAME = new GameCapture();

    @TempDir
    static Path dir;
    static Path game;

    @BeforeAll
    static void writeCapture() throws IOException {
        game = Files.write(dir.resolve("game.pcap"), GAME.bytes);
    }

    private static JsonNode replayJson(String... extra) throws IOException {
        String[] args = new String[extra.length + 3];
        args[0] = "replay";
        args[1] = "--format";
        args[2] = "json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliRun run = CliRun.of(args);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        return JSON.readTree(run.out());
    }

    @Test
    void reportsExactTrafficWithoutNonIpRows() throws IOException {
        JsonNode r = replayJson(game.toString());
        assertThat(r.get("file").asText()).isEqualTo(game.toString());
        assertThat(r.get("format").asText()).isEqualTo("pcap");
        assertThat(r.get("link_types").toString()).isEqualTo("[1]");
        assertThat(r.get("frames").asLong()).isEqualTo(GAME.frames);
        assertThat(r.get("non_ip_frames").asLong()).isEqualTo(3);
        assertThat(r.get("truncated_frames").asLong()).isEqualTo(1);
        assertThat(r.get("read_error").isNull()).isTrue();
        assertThat(r.get("first_ts").isNumber()).isTrue();
        assertThat(r.get("first_ts").decimalValue()).isEqualByComparingTo(new BigDecimal("1700000000"));
        assertThat(r.get("last_ts").decimalValue()).isEqualByComparingTo(new BigDecimal("1700000039.97"));

        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : r.get("traffic")) {
            assertThat(row.get("ip_version").asInt()).isEqualTo(4);
            rows.put(row.get("proto").asText() + "/" + row.get("dst_port").asInt(), row);
        }
        assertThat(rows.keySet()).isEqualTo(GAME.rows.keySet());
        GAME.rows.forEach((key, expected) -> {
            JsonNode row = rows.get(key);
            assertThat(row.get("packets").asLong()).as(key).isEqualTo(expected[0]);
            assertThat(row.get("wire_bytes").asLong()).as(key).isEqualTo(expected[1]);
            long lost = key.equals("udp/27960") ? GAME.cutLost : 0;
            assertThat(row.get("captured_bytes").asLong()).as(key).isEqualTo(expected[1] - lost);
            assertThat(row.get("ip_bytes").asLong()).as(key).isEqualTo(expected[2]);
            assertThat(row.get("unique_sources").asLong()).as(key).isEqualTo(expected[3]);
            assertThat(row.get("syn_only").asLong()).as(key).isEqualTo(expected[4]);
            assertThat(row.get("first_fragments").asLong()).isZero();
            assertThat(row.get("nonfirst_fragments").asLong()).isZero();
        });
    }

    @Test
    void discoversTheServerAndFindsExactlyThePlayers() throws IOException {
        JsonNode r = replayJson(game.toString());
        JsonNode service = find(r.get("services"), "id", "10.0.0.1-udp-27960");
        assertThat(service.get("address").asText()).isEqualTo(GameCapture.SERVER);
        assertThat(service.get("proto").asText()).isEqualTo("udp");
        assertThat(service.get("port").asInt()).isEqualTo(GameCapture.GAME_PORT);
        assertThat(service.get("players_peak").asInt()).isEqualTo(2);
        assertThat(service.get("players_now").asInt()).isEqualTo(1);
        assertThat(service.get("peak_pps").asLong()).isBetween(50L, 52L);
        assertThat(playerAddresses(r)).containsExactly(GameCapture.ALICE, GameCapture.BOB);

        JsonNode bob = find(r.get("players"), "address", GameCapture.BOB);
        assertThat(bob.get("left").asBoolean()).isTrue();
        BigDecimal bobLast = bob.get("last_seen").decimalValue();
        assertThat(bobLast).isEqualByComparingTo(new BigDecimal("1700000019.967"));
        BigDecimal leftAfter = bob.get("left_at").decimalValue().subtract(bobLast);
        assertThat(leftAfter).isBetween(BigDecimal.ZERO, new BigDecimal(30));
        JsonNode alice = find(r.get("players"), "address", GameCapture.ALICE);
        assertThat(alice.get("left").asBoolean()).isFalse();
        assertThat(alice.get("left_at").isNull()).isTrue();
        assertThat(alice.get("packets_out").asLong()).isPositive();
    }

    @Test
    void sectionsReplayDoesNotUseAreNotChecked() throws IOException {
        Path config = Files.writeString(dir.resolve("with-notify.yaml"), """
                services:
                  - name: arena
                    address: 10.0.0.1
                    port: 27960
                notify:
                  channels:
                    - {name: ops, type: discord, url: "${DISCORD_WEBHOOK}"}
                http:
                  listen: 0.0.0.0:9420
                """);
        JsonNode r = replayJson("--config", config.toString(), game.toString());
        assertThat(r.get("services").get(0).get("id").asText()).as("an unset ${ENV} in notify does not stop a replay").isEqualTo("arena");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "servics: []\nplayers:\n  join-after: 5\n");
        CliRun bad = CliRun.of("replay", "--config", typo.toString(), game.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).as("a misspelt section and a bad engine value still count").contains(
                typo + ":1:1: unknown key 'servics'", typo + ":3:3: players.join-after: duration '5' needs a unit");
    }

    @Test
    void configuredServicesUseTheirNames() throws IOException {
        Path config = Files.writeString(dir.resolve("arena.yaml"), """
                services:
                  - name: arena
                    address: 10.0.0.1
                    port: 27960
                """);
        JsonNode r = replayJson("--config", config.toString(), game.toString());
        assertThat(r.get("services")).hasSize(1);
        assertThat(r.get("services").get(0).get("id").asText()).isEqualTo("arena");
        assertThat(r.get("services").get(0).get("packets_in").asLong()).isEqualTo(GAME.rows.get("udp/27960")[0]);
        for (JsonNode p : r.get("players")) assertThat(p.get("service").asText()).isEqualTo("arena");
        assertThat(playerAddresses(r)).containsExactly(GameCapture.ALICE, GameCapture.BOB);
    }

    @Test
    void damagedFileIsReportedUpToTheBadRecordAndExitsZero() throws IOException {
        PcapWriter w = PcapWriter.micros(1);
        for (int i = 0; i < 10; i++) w.record(GameCapture.START + i * 1000L, udpFrame());
        Path damaged = Files.write(dir.resolve("damaged.pcap"), w.rawRecord(1_700_000_001L, 0, 16_711_424, 16_711_424, new byte[8]).toByteArray());
        JsonNode r = replayJson(damaged.toString());
        assertThat(r.get("frames").asLong()).isEqualTo(10);
        assertThat(r.get("format").asText()).isEqualTo("pcap");
        assertThat(r.get("read_error").asText()).contains("record 11").contains("offset").contains("16711424");
        assertThat(r.get("traffic")).hasSize(1);
        assertThat(r.get("traffic").get(0).get("packets").asLong()).isEqualTo(10);
    }

    @Test
    void anUnreadableIpHeaderIsProtoUnknownAsInTsharksTruth() throws IOException {
        byte[] bogus = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0.9", "10.0.0.1").ihl(3).packet(Frames.UDP, new byte[8]));
        Path file = Files.write(dir.resolve("bogus.pcap"), PcapWriter.micros(1).record(GameCapture.START, bogus).toByteArray());
        JsonNode row = replayJson(file.toString()).get("traffic").get(0);
        assertThat(row.get("ip_version").asInt()).isEqualTo(4);
        assertThat(row.get("proto").asText()).isEqualTo("unknown");
        assertThat(row.get("dst_port").isNull()).isTrue();
        assertThat(row.get("unique_sources").asLong()).isZero();
    }

    @Test
    void fileCutInsideARecordKeepsWhatCameBefore() throws IOException {
        PcapWriter w = PcapWriter.micros(1).record(GameCapture.START, udpFrame()).record(GameCapture.START + 1000, udpFrame());
        Path cut = Files.write(dir.resolve("cut.pcap"), w.rawRecord(1_700_000_001L, 0, 100, 100, new byte[10]).toByteArray());
        JsonNode r = replayJson(cut.toString());
        assertThat(r.get("frames").asLong()).isEqualTo(2);
        assertThat(r.get("read_error").asText()).contains("record 3");
        assertThat(r.get("last_ts").decimalValue()).isEqualByComparingTo(new BigDecimal("1700000000.000001"));
    }

    @Test
    void aFileThatIsNoCaptureExitsOneSayingSoAfterReportingTheOthers() throws IOException {
        Path yaml = Files.writeString(dir.resolve("netwarden.yaml"), "services:\n  - name: arena\n");
        Path gzip = Files.write(dir.resolve("game.pcap.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
        CliRun run = CliRun.of("replay", "--format", "json", yaml.toString(), game.toString(), gzip.toString(), empty.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out().lines()).as("only the capture is reported").hasSize(1).allMatch(l -> l.contains("\"format\":\"pcap\""));
        assertThat(run.err()).contains("netwarden replay: " + yaml + " is not a capture file (pcap or pcapng): magic 0x73657276 is neither pcap")
                .contains(gzip + " is not a capture file (pcap or pcapng): gzip-compressed file (magic 0x1f8b): decompress it first")
                .contains(empty + " is not a capture file (pcap or pcapng): file too short for a magic number: 0 bytes");
    }

    @Test
    void aCaptureCutInsideItsHeaderIsDamagedNotForeign() throws IOException {
        byte[] header = PcapWriter.micros(1).toByteArray();
        Path cut = Files.write(dir.resolve("cut-header.pcap"), java.util.Arrays.copyOf(header, 10));
        CliRun run = CliRun.of("replay", "--format", "json", cut.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("frames").asLong()).isZero();
        assertThat(r.get("read_error").asText()).isNotEmpty();
    }

    @Test
    void severalFilesGiveOneLineEachAndPcapngIsDetectedByMagic() throws IOException {
        PcapngWriter ng = new PcapngWriter().section(java.nio.ByteOrder.BIG_ENDIAN).interfaceBlock(1, 65535)
                .enhancedPacket(0, GameCapture.START, udpFrame());
        Path misnamed = Files.write(dir.resolve("really-pcapng.pcap"), ng.toByteArray());
        CliRun run = CliRun.of("replay", "--format", "json", game.toString(), misnamed.toString());
        assertThat(run.code()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("format").asText()).isEqualTo("pcap");
        assertThat(JSON.readTree(lines.get(1)).get("format").asText()).isEqualTo("pcapng");
        assertThat(JSON.readTree(lines.get(1)).get("frames").asLong()).isEqualTo(1);
    }

    @Test
    void missingFileExitsOneWithAClearMessageAfterReportingTheOthers() {
        CliRun run = CliRun.of("replay", "--format", "json", game.toString(), dir.resolve("absent.pcap").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.err()).contains("netwarden replay: cannot read " + dir.resolve("absent.pcap") + ": no such file");
    }

    @Test
    void directoryIsNotReadable() {
        CliRun run = CliRun.of("replay", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void textFormatIsTheDefaultAndShowsTheTables() {
        CliRun run = CliRun.of("replay", game.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("format      pcap, link types [1]")
                .contains("frames      " + GAME.frames + " (non-IP 3, truncated 1)")
                .contains("read error  none")
                .containsPattern("4 +udp +27960 +" + GAME.rows.get("udp/27960")[0] + " ")
                .contains("10.0.0.1-udp-27960");
        String players = run.out().substring(run.out().indexOf("  players"));
        // Bob's row ends with his leave time; Alice, still playing, has "-" there.
        assertThat(players.lines().filter(l -> l.contains(" 10.0.0.12 "))).singleElement().asString().endsWith("Z");
        assertThat(players.lines().filter(l -> l.contains(" 10.0.0.11 "))).singleElement().asString().endsWith(" -");
    }

    @Test
    void badConfigExitsTwoWithItsLocation() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "players:\n  join-afterr: 5s\n");
        CliRun run = CliRun.of("replay", "--config", config.toString(), game.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith(config + ":2:3: unknown key 'players.join-afterr'");
        assertThat(run.out()).isEmpty();
    }

    private static byte[] udpFrame() {
        return Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.9.9.9", "10.0.0.1").packet(Frames.UDP, Frames.udp(1000, 2000, new byte[10])));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.get(field).asText().equals(value)) return n;
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static Set<String> playerAddresses(JsonNode report) {
        Set<String> s = new TreeSet<>();
        report.get("players").forEach(p -> s.add(p.get("address").asText()));
        return s;
    }
}
