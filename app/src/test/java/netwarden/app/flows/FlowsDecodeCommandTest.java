package netwarden.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import netwarden.app.CliRun;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowsDecodeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final Field[] FLOW = {Field.of(8, 4), Field.of(12, 4), Field.of(7, 2), Field.of(11, 2), Field.of(4, 1),
        Field.of(1, 4), Field.of(2, 4), Field.of(6, 1)};

    @TempDir
    static Path dir;
    static Path templates, data;

    @BeforeAll
    static void writeCaptures() throws IOException {
        byte[] tpl = FlowExports.v9(3).template(256, FLOW).toByteArray();
        byte[] rec = new ByteWriter().u32(0x0a000001).u32(0x0a000002).u16(5000).u16(27015).u8(17).u32(900).u32(3).u8(0)
                .toByteArray();
        byte[] dataDg = FlowExports.v9(3).data(256, 1, rec).toByteArray();
        byte[] damaged = FlowExports.v9(3).set(256, new byte[8]).toByteArray();
        damaged[22] = 0x7f; // set length past the datagram
        byte[] dns = new byte[] {0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        templates = Files.write(dir.resolve("templates.pcap"), PcapWriter.micros(1)
                .record(T0, FlowExports.udpFrame("192.0.2.1", "192.0.2.9", 40000, 9995, tpl)).toByteArray());
        data = Files.write(dir.resolve("data.pcap"), PcapWriter.micros(1)
                .record(T0, FlowExports.udpFrame("192.0.2.1", "192.0.2.9", 40001, 9995, dataDg))
                .record(T0, FlowExports.udpFrame("192.0.2.1", "192.0.2.9", 40001, 9995, damaged))
                .record(T0, FlowExports.udpFrame("192.0.2.5", "192.0.2.9", 5353, 53, dns))
                .record(T0, Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("192.0.2.1", "192.0.2.9").packet(Frames.TCP,
                        Frames.tcp(1, 2, 2))))
                .toByteArray());
    }

    private static List<JsonNode> json(CliRun run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.out().split("\n")) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void filesAreOneStreamAndDamageIsCounted() throws IOException {
        CliRun run = CliRun.of("flows", "decode", "--format", "json", templates.toString(), data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> lines = json(run);
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0), second = lines.get(1);
        assertThat(names(first)).containsExactly("file", "datagrams", "malformed_datagrams", "templates", "options_templates",
                "data_records", "options_records", "undecoded_sets", "sflow_flow_samples", "sflow_counter_samples", "records");
        assertThat(first.get("templates").asInt()).isEqualTo(1);
        assertThat(first.get("records")).isEmpty();
        assertThat(second.get("datagrams").asInt()).as("the DNS datagram is not a flow export").isEqualTo(2);
        assertThat(second.get("malformed_datagrams").asInt()).isEqualTo(1);
        assertThat(second.get("data_records").asInt()).isEqualTo(1);
        JsonNode r = second.get("records").get(0);
        assertThat(names(r)).containsExactly("exporter", "version", "observation_domain", "template_id", "src", "dst", "src_port",
                "dst_port", "proto", "bytes", "packets", "sampling_rate", "in_if", "out_if", "tcp_flags", "start", "end");
        assertThat(r.get("exporter").asText()).isEqualTo("192.0.2.1");
        assertThat(r.get("version").asInt()).isEqualTo(9);
        assertThat(r.get("observation_domain").asInt()).isEqualTo(3);
        assertThat(r.get("template_id").asInt()).isEqualTo(256);
        assertThat(r.get("src").asText()).isEqualTo("10.0.0.1");
        assertThat(r.get("dst_port").asInt()).isEqualTo(27015);
        assertThat(r.get("bytes").asLong()).isEqualTo(900);
        assertThat(r.get("packets").asLong()).isEqualTo(3);
        assertThat(r.get("sampling_rate").isNull()).as("unknown rate is null, never 1").isTrue();
        assertThat(r.get("in_if").isNull()).isTrue();
        assertThat(r.get("tcp_flags").asInt()).isZero();
        assertThat(r.get("start").isNull()).isTrue();
    }

    @Test
    void anOverrideSetsTheRate() throws IOException {
        CliRun run = CliRun.of("flows", "decode", "--format", "json", "--sampling-override", "192.0.2.0/24=100",
                templates.toString(), data.toString());
        assertThat(json(run).get(1).get("records").get(0).get("sampling_rate").asInt()).isEqualTo(100);
        assertThat(CliRun.of("flows", "decode", "--sampling-override", "bogus", data.toString()).code()).isEqualTo(2);
    }

    @Test
    void textShowsCountsAndRows() {
        CliRun run = CliRun.of("flows", "decode", templates.toString(), data.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("data.pcap: 2 datagrams (1 malformed)", "1 data records", "10.0.0.1:5000",
                "10.0.0.2:27015");
    }

    @Test
    void aMissingFileFailsButTheOthersAreRead() throws IOException {
        CliRun run = CliRun.of("flows", "decode", "--format", "json", dir.resolve("nope.pcap").toString(), data.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("nope.pcap", "no such file");
        assertThat(json(run)).hasSize(1);
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(CliRun.of("flows", "decode", "--help").out()).contains("--format", "malformed_datagrams", "--sampling-override");
        assertThat(CliRun.of("flows", "--help").out()).contains("decode");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
