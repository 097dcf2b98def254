package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netwarden.decode.DecodeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture of ../shared/testdata/flows against its tshark oracle ({@code *.tshark.json}): the
 * prerequisite files the oracle lists are decoded first as one stream, then each datagram of the
 * file must give tshark's template, options template, record, options record, undecoded set and
 * sFlow sample counts, and every data record (sFlow: flow sample) tshark's key fields.
 * tshark's {@code undecoded} sets are the ones read before their template, which we hold (their
 * records come out later in {@code released}, not compared here).
 */
class TsharkOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEYS = {"src", "dst", "src_port", "dst_port", "proto", "bytes", "packets", "in_if",
        "out_if", "tcp_flags"};

    static Stream<Path> oracles() throws IOException {
        if (!FlowCaptures.present()) return Stream.of(Path.of("absent"));
        try (Stream<Path> s = Files.walk(FlowCaptures.root())) {
            return s.filter(p -> p.toString().endsWith(".tshark.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void matchesTshark(Path oracle) throws IOException, DecodeException {
        assumeTrue(FlowCaptures.present(), "../shared/testdata/flows is absent: " + FlowCaptures.root().toAbsolutePath());
        JsonNode o = JSON.readTree(oracle.toFile());
        List<Path> inputs = new ArrayList<>();
        for (JsonNode i : o.get("inputs")) inputs.add(oracle.resolveSibling(i.asText()));
        List<FlowCaptures.Outcome> all = FlowCaptures.decode(new FlowDecoder(FlowDecoderConfig.defaults()), inputs);
        Path last = inputs.getLast();
        List<FlowCaptures.Outcome> mine = o.get("only_last").asBoolean()
                ? all.stream().filter(x -> x.file().equals(last)).toList() : all;
        JsonNode packets = o.get("packets");
        assertThat(mine).as("datagrams").hasSize(packets.size());
        String name = oracle.getFileName().toString();
        if (name.startsWith("netflow-5-invalid")) {
            // A v5 header announcing more records than 30 (55582, 163): counted as damaged, not an exception.
            assertThat(mine).allSatisfy(x -> assertThat(x.error()).isNotNull().extracting(FlowDecodeException::decoder)
                    .isEqualTo("netflow5"));
            return;
        }
        if (name.startsWith("netflow-9-invalid")) {
            // The header count (2) is below the records present; tshark stops after 2, we read every set
            // (RFC 3954 5.1: count is informational). Both learn the two data templates.
            assertThat(mine).singleElement().satisfies(x -> assertThat(x.result().templates()).isEqualTo(2));
            return;
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) compare(i + 1, packets.get(i), mine.get(i), diffs);
        assertThat(diffs).as(oracle.getFileName().toString()).isEmpty();
    }

    private static void compare(int n, JsonNode p, FlowCaptures.Outcome out, List<String> diffs) {
        if (out.error() != null) {
            diffs.add("datagram " + n + ": " + out.error().getMessage());
            return;
        }
        DecodedDatagram d = out.result();
        String where = "datagram " + n + " ";
        if (p.get("protocol").asText().equals("sflow")) {
            sflow(where, p, d, diffs);
            return;
        }
        check(diffs, where + "exporter", p.get("exporter").asText(), d.exporter().toString());
        int tpl = 0, opt = 0, data = 0, options = 0, undecoded = 0;
        for (JsonNode t : p.get("templates")) {
            if (t.get("kind").asText().equals("template")) tpl++;
            else opt++;
        }
        for (JsonNode s : p.get("sets")) {
            data += s.get("records").asInt();
            options += s.get("options_records").asInt();
            if (s.path("undecoded").asBoolean()) undecoded++;
        }
        if (p.get("version").asInt() == 5) data = p.get("records").size(); // v5 has no sets
        check(diffs, where + "templates", tpl, d.templates());
        check(diffs, where + "options templates", opt, d.optionsTemplates());
        check(diffs, where + "data records", data, d.dataRecords());
        check(diffs, where + "options records", options, d.optionsRecords());
        check(diffs, where + "undecoded sets", undecoded, d.undecodedSets());
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode r : p.get("records")) if (r.get("kind").asText().equals("data")) records.add(r);
        if (records.size() != d.records().size()) {
            diffs.add(where + "record list " + records.size() + " != " + d.records().size());
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            FlowRecord f = d.records().get(i);
            for (String k : KEYS) {
                if (r.has(k)) check(diffs, where + "record " + (i + 1) + " " + k, r.get(k).asText(), value(f, k));
            }
        }
    }

    private static void sflow(String where, JsonNode p, DecodedDatagram d, List<String> diffs) {
        check(diffs, where + "agent", p.get("header").get("agent").asText(), d.exporter().toString());
        List<JsonNode> flows = new ArrayList<>();
        int counters = 0;
        for (JsonNode s : p.get("samples")) {
            String kind = s.get("kind").asText();
            if (kind.equals("flow") || kind.equals("expanded_flow")) flows.add(s);
            else if (kind.contains("counters")) counters++;
        }
        check(diffs, where + "flow samples", flows.size(), d.sflowFlowSamples());
        check(diffs, where + "counter samples", counters, d.sflowCounterSamples());
        if (flows.size() != d.records().size()) return;
        for (int i = 0; i < flows.size(); i++) {
            JsonNode s = flows.get(i);
            FlowRecord f = d.records().get(i);
            String w = where + "sample " + (i + 1) + " ";
            check(diffs, w + "sampling_rate", s.get("sampling_rate").asText(), String.valueOf(f.samplingRate()));
            for (JsonNode r : s.get("records")) {
                if (!r.has("frame_length")) continue;
                check(diffs, w + "bytes", r.get("frame_length").asText(), String.valueOf(f.bytes()));
                JsonNode dec = r.get("decoded");
                // tshark reads ports out of the packet an ICMP error quotes; a flow of ICMP has none (see Packet)
                boolean icmp = dec.path("ip_proto").asText().matches("1|58");
                for (String[] k : new String[][] {{"src", "src"}, {"dst", "dst"}, {"ip_proto", "proto"},
                        {"src_port", "src_port"}, {"dst_port", "dst_port"}, {"tcp_flags", "tcp_flags"}}) {
                    if (icmp && k[1].endsWith("port")) continue;
                    if (dec.has(k[0])) check(diffs, w + k[1], number(dec.get(k[0]).asText()), value(f, k[1]));
                }
                break;
            }
        }
    }

    private static String number(String v) {
        return v.startsWith("0x") ? String.valueOf(Long.parseLong(v.substring(2), 16)) : v;
    }

    static String value(FlowRecord f, String key) {
        return switch (key) {
            case "src" -> String.valueOf(f.src());
            case "dst" -> String.valueOf(f.dst());
            case "src_port" -> String.valueOf(f.srcPort());
            case "dst_port" -> String.valueOf(f.dstPort());
            case "proto" -> String.valueOf(f.proto());
            case "bytes" -> String.valueOf(f.bytes());
            case "packets" -> String.valueOf(f.packets());
            case "in_if" -> String.valueOf(f.inIf());
            case "out_if" -> String.valueOf(f.outIf());
            case "tcp_flags" -> String.valueOf(f.tcpFlags());
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static void check(List<String> diffs, String what, Object expected, Object actual) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) diffs.add(what + ": tshark " + expected + ", ours " + actual);
    }
}
