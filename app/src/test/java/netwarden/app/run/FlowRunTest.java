package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.app.Http;
import netwarden.app.config.NetwardenConfig;
import java.util.List;
import netwarden.store.Queries;
import netwarden.store.Rows;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.Stores;
import netwarden.testkit.FlowExports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --collect netflow=...} in-process: flow exports over loopback UDP reach the service, the metrics and state.dir. */
class FlowRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-secret-0123456789";

    @TempDir
    Path dir;

    private static FlowExports.V5Record record(String src, long packets, long bytes) {
        return new FlowExports.V5Record(src, "10.0.0.1", 40_000, 27_015, 17, packets, bytes, 3, 4, 0, 9_000, 9_500);
    }

    @Test
    void sampledNetflowCountsTheServiceAndTheExporterAndUnknownSamplingIsCounted() throws Exception {
        Path config = Files.writeString(dir.resolve("netwarden.yaml"), """
                api:
                  tokens:
                    - name: admin
                      token: %s
                services:
                  - name: arena
                    address: 10.0.0.1
                    port: 27015
                flows:
                  default-sampling: drop
                """.formatted(ADMIN));
        NetwardenConfig effective = LiveRuntimeTest.parseRun(Map.of("XDG_STATE_HOME", dir.toString()),
                "run", "--config", config.toString(), "--collect", "netflow=127.0.0.1:0", "--listen", "127.0.0.1:0");
        assertThat(effective.collect().listeners()).hasSize(1);
        assertThat(effective.source().pcap()).isNull();

        try (LiveRuntime runtime = new LiveRuntime(effective, null)) {
            runtime.start();
            int udp = runtime.collectorPorts().getFirst();
            byte[] sampled = FlowExports.v5((1 << 14) | 10, record("198.51.100.1", 7, 700), record("198.51.100.2", 3, 150));
            byte[] unsampled = FlowExports.v5(0, record("198.51.100.3", 1, 60));
            byte[] damaged = {0, 9, 0, 1};
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                for (byte[] d : new byte[][] {sampled, unsampled, damaged})
                    s.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), udp));
            }
            Http.Answer services = Http.await(runtime.port(), "/api/v1/services", ADMIN, Duration.ofSeconds(10),
                    a -> a.status() == 200 && a.body().contains("\"packets_in\":100"));
            JsonNode arena = JSON.readTree(services.body()).get("services").get(0);
            assertThat(arena.get("packets_in").asLong()).isEqualTo(100); // (7 + 3) x 10; the unsampled record is dropped
            assertThat(arena.get("bytes_in").asLong()).isEqualTo(8_500);

            String metrics = Http.await(runtime.port(), "/metrics", ADMIN, Duration.ofSeconds(10),
                    a -> a.body().contains("netwarden_flow_malformed_datagrams_total{exporter=\"127.0.0.1\"} 1")).body();
            assertThat(metrics).contains("netwarden_flow_records_total{exporter=\"127.0.0.1\"} 2")
                    .contains("netwarden_flow_packets_total{exporter=\"127.0.0.1\"} 100")
                    .contains("netwarden_flow_sampling_unknown_total{exporter=\"127.0.0.1\"} 1")
                    .contains("netwarden_flow_records_dropped_total{exporter=\"127.0.0.1\",reason=\"no-sampling\"} 1")
                    .contains("netwarden_flow_interface_bytes_total{direction=\"in\",exporter=\"127.0.0.1\",interface=\"3\"} 8500")
                    .contains("netwarden_flow_listener_datagrams_total{kind=\"netflow\",listener=\"127.0.0.1:0\"} 3")
                    .containsPattern("netwarden_flow_listener_drops_total\\{listener=\"127.0.0.1:0\",reason=\"kernel\"} 0");
        }
        // Closing wrote the minute's flow rows: searchable by address after a restart.
        try (Store store = Stores.open(StoreConfig.defaults(), effective.state().dir())) {
            store.start();
            List<Rows.FlowMinute> rows = store.flows(new Queries.Flows("198.51.100.0/24", "127.0.0.1", 27015, 0, Long.MAX_VALUE / 2, 10));
            assertThat(rows).hasSize(2);
            assertThat(rows.stream().mapToLong(Rows.FlowMinute::packets).sum()).isEqualTo(100);
            assertThat(rows.stream().mapToLong(Rows.FlowMinute::bytes).sum()).isEqualTo(8_500);
        }
    }
}
