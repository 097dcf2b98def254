package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import netwarden.app.CliRun;
import netwarden.app.Http;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rate everywhere (issue 14): the memcached reflection capture once said "reflection at 220 pps" in
 * {@code replay} and "2200 pps" in {@code run}. The same file through {@code run --pcap --speed max}
 * (the live runtime) and through {@code replay --format json} reports the same attacks with the same
 * packets, peak rate and reason (which carries the rate) in the API and in the archive.
 */
class OneRateRunReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "one-rate-run-replay-token-0123456789";
    private static final Path CAPTURE = Path.of(System.getProperty("netwarden.shared", "../../shared"))
            .resolve("testdata/pcap/game-openarena-2players-memcached.pcapng");
    /** What must agree between the two: counts, rates and the reason quoting the rate. */
    private static final String[] SAME = {"kind", "scope", "target", "packets", "bytes", "peak_pps", "peak_bps", "sources", "reason"};

    @TempDir
    Path dir;

    @Test
    void runAndReplayOfTheMemcachedCaptureReportTheSameRates() throws Exception {
        assumeTrue(Files.isRegularFile(CAPTURE), "../shared/testdata/pcap absent: " + CAPTURE.toAbsolutePath());
        CliRun replay = CliRun.of("replay", "--format", "json", CAPTURE.toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        Map<String, JsonNode> replayed = byId(JSON.readTree(replay.out()).get("attacks"));
        assertThat(replayed).as("the capture holds a memcached reflection").isNotEmpty();
        assertThat(replayed.values()).anySatisfy(a -> assertThat(a.get("kind").asText()).isEqualTo("reflection_memcached"));

        NetwardenConfig config = LiveRuntimeTest.parseRun(Map.of("NETWARDEN_API_TOKEN", TOKEN, "XDG_STATE_HOME", dir.toString(),
                "XDG_CACHE_HOME", dir.toString()), "run", "--pcap", CAPTURE.toString(), "--speed", "max", "--listen", "127.0.0.1:0");
        Map<String, JsonNode> served;
        try (LiveRuntime runtime = new LiveRuntime(config, new FileFeed(CAPTURE, ReplaySpeed.MAX))) {
            runtime.start();
            assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(runtime.feedFailure()).isNull();
            // The file's end ends its attacks: wait until the API serves them all ended.
            Http.Answer a = Http.await(runtime.port(), "/api/v1/incidents", TOKEN, Duration.ofSeconds(10), x -> x.status() == 200
                    && ended(x.body()) >= replayed.size());
            served = byId(JSON.readTree(a.body()).get("incidents"));
        }
        Map<String, JsonNode> archived = archived(config.incidents().dir());

        assertThat(served.keySet()).isEqualTo(replayed.keySet());
        assertThat(archived.keySet()).isEqualTo(replayed.keySet());
        var soft = new SoftAssertions();
        for (String id : replayed.keySet()) {
            for (String field : SAME) {
                String expected = value(replayed.get(id), field);
                soft.assertThat(expected).as("replay %s of %s", field, id).isNotNull();
                soft.assertThat(value(served.get(id), field)).as("API %s of %s", field, id).isEqualTo(expected);
                soft.assertThat(value(archived.get(id), field)).as("archive %s of %s", field, id).isEqualTo(expected);
            }
        }
        soft.assertAll();
    }

    /** Numbers compared as numbers (the store's API may write 2260.0 where replay writes 2260). */
    private static String value(JsonNode attack, String field) {
        JsonNode v = attack.get(field);
        return v == null ? null : v.isNumber() ? Double.toString(v.asDouble()) : v.asText();
    }

    private static int ended(String body) {
        try {
            int n = 0;
            for (JsonNode i : JSON.readTree(body).get("incidents")) if (!i.get("active").asBoolean()) n++;
            return n;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static Map<String, JsonNode> byId(JsonNode attacks) {
        Map<String, JsonNode> out = new TreeMap<>();
        attacks.forEach(a -> out.put(a.get("id").asText(), a));
        return out;
    }

    /** The archive's records; waits (bounded) for the writer to catch up with the ended attacks. */
    private static Map<String, JsonNode> archived(Path incidents) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(incidents)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode r = JSON.readTree(f.toFile());
                out.put(r.get("id").asText(), r);
            }
        }
        return out;
    }
}
