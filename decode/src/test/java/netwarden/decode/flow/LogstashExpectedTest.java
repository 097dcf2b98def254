package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netwarden.model.Ip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values logstash-codec-netflow's spec asserts ({@code logstash-codec-netflow/<case>/expected.json}).
 * The spec hands each raw {@code .dat} file to the codec as one payload, so only its first message
 * is decoded; events are the data and options records of that message. Here each {@code .dat} is
 * decoded the same way, in order, through one decoder: the event count after the last file, and for
 * every expected data event a record with the same addresses, ports, protocol, counters and interfaces.
 */
class LogstashExpectedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NAMES = Map.of("ipv4_src_addr", "src", "ipv4_dst_addr", "dst", "l4_src_port",
            "src_port", "l4_dst_port", "dst_port", "protocol", "proto", "in_bytes", "bytes", "in_pkts", "packets", "input_snmp",
            "in_if", "output_snmp", "out_if", "tcp_flags", "tcp_flags");

    static Stream<Path> cases() throws IOException {
        if (!FlowCaptures.present()) return Stream.of(Path.of("absent"));
        try (Stream<Path> s = Files.list(FlowCaptures.root().resolve("logstash-codec-netflow"))) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLogstash(Path dir) throws IOException {
        assumeTrue(FlowCaptures.present(), "../shared/testdata/flows is absent: " + FlowCaptures.root().toAbsolutePath());
        JsonNode e = JSON.readTree(dir.resolve("expected.json").toFile());
        FlowDecoder decoder = new FlowDecoder(FlowDecoderConfig.defaults());
        Ip exporter = Ip.parse(e.get("pcap_exporter_ip").get(0).asText());
        int events = 0, errors = 0;
        List<FlowRecord> records = new ArrayList<>();
        for (JsonNode dat : e.get("dat_files_in_order")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(dat.asText()));
            int length = firstMessageLength(bytes);
            try {
                DecodedDatagram d = decoder.decode(exporter, MemorySegment.ofArray(bytes).asSlice(0, length));
                events += d.dataRecords() + d.released().size() + d.optionsRecords();
                records.addAll(d.records());
                records.addAll(d.released());
            } catch (FlowDecodeException ex) {
                errors++;
            }
        }
        JsonNode counts = e.get("expected_event_count");
        if (counts.isEmpty()) {
            // the spec expects no count: the corrupt cases, where only "no exception" is required
            return;
        }
        assertThat(errors).isZero();
        assertThat(events).as("events").isEqualTo(counts.get(counts.size() - 1).asInt());
        for (JsonNode ev : e.get("expected_events")) {
            JsonNode n = ev.get("netflow");
            if (!n.has("ipv4_src_addr")) continue;
            assertThat(records).as("event " + ev.get("event_index")).anySatisfy(r -> {
                for (var f : NAMES.entrySet()) {
                    if (n.has(f.getKey())) assertThat(TsharkOracleTest.value(r, f.getValue())).isEqualTo(n.get(f.getKey()).asText());
                }
            });
        }
    }

    /** The first message of a raw payload: IPFIX by its header length, v5 by its count, v9/sFlow the whole file. */
    private static int firstMessageLength(byte[] b) {
        int version = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        if (version == 10) return Math.min(b.length, ((b[2] & 0xff) << 8) | (b[3] & 0xff));
        if (version == 5) {
            int count = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            return Math.min(b.length, 24 + 48 * count);
        }
        return b.length;
    }
}
