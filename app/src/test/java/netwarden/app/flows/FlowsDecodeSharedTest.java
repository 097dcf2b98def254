package netwarden.app.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import netwarden.app.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code flows decode --format json} over every capture of ../shared/testdata/flows, its tshark
 * oracle's prerequisites first (one stream, as the command promises): the last file's line must
 * carry the oracle's totals and as many records as tshark decoded. The decoder-level field checks
 * are {@code TsharkOracleTest} in decode; this checks the command's counting.
 */
class FlowsDecodeSharedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Corrupt on purpose (MANIFEST.md): only "no exception, counted" is required. */
    private static final Set<String> CORRUPT = Set.of("netflow-5-invalid-01", "netflow-5-invalid-02", "netflow-9-invalid-01");

    static Path root() {
        return Path.of(System.getProperty("netwarden.shared", "../../shared")).resolve("testdata").resolve("flows");
    }

    static Stream<Path> oracles() throws IOException {
        if (!Files.isDirectory(root())) return Stream.of(Path.of("absent"));
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(p -> p.toString().endsWith(".tshark.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void totalsMatchTshark(Path oracle) throws IOException {
        assumeTrue(Files.isDirectory(root()), "../shared/testdata/flows is absent: " + root().toAbsolutePath());
        JsonNode o = JSON.readTree(oracle.toFile());
        List<String> args = new ArrayList<>(List.of("flows", "decode", "--format", "json"));
        for (JsonNode i : o.get("inputs")) args.add(oracle.resolveSibling(i.asText()).toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        JsonNode last = JSON.readTree(lines[lines.length - 1]);
        JsonNode t = o.get("totals");
        String name = oracle.getFileName().toString().replace(".tshark.json", "");
        assertThat(last.get("datagrams").asInt()).isEqualTo(t.get("datagrams").asInt());
        if (CORRUPT.contains(name)) {
            if (name.startsWith("netflow-5")) assertThat(last.get("malformed_datagrams").asInt()).isEqualTo(1);
            return;
        }
        assertThat(last.get("malformed_datagrams").asInt()).isZero();
        for (String k : List.of("templates", "options_templates", "options_records", "undecoded_sets", "sflow_flow_samples",
                "sflow_counter_samples")) {
            assertThat(last.get(k).asInt()).as(k).isEqualTo(t.get(k).asInt());
        }
        // a data set held before its template is decoded when the template comes (data+templates: same datagram)
        int released = name.equals("data+templates") ? 11 : 0; // 660 bytes of 60-byte records
        int data = t.get("data_records").asInt() + (t.get("sflow_flow_samples").asInt() > 0 ? t.get("sflow_flow_samples").asInt() : 0);
        assertThat(last.get("data_records").asInt()).as("data_records").isEqualTo(data + released);
        assertThat(last.get("records")).as("records").hasSize(data + released);
    }
}
