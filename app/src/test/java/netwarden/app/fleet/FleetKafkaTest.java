package netwarden.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.app.history.History;
import netwarden.app.run.FileFeed;
import netwarden.app.run.LiveRuntime;
import netwarden.model.Clock;
import netwarden.store.AddressInfo;
import netwarden.store.DuckDbStore;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.Table;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent producing to a real in-process KRaft broker, the server consuming in a group: the same rows as a standalone run. */
class FleetKafkaTest {
    static {
        // The broker logs every setting at INFO; slf4j-simple reads these when each logger is made.
        for (String l : List.of("org.apache.kafka", "kafka", "state.change.logger"))
            System.setProperty("org.slf4j.simpleLogger.log." + l, "warn");
    }

    private static final Path CAPTURE = Path.of(System.getProperty("netwarden.shared", "../../shared")).resolve("testdata/pcap/game-openarena-3players.pcapng");
    // not rollup_1s: a one-hour retention the server's first purge may apply to the capture's old seconds (see FleetTest)
    private static final List<Table> TABLES = List.of(Table.EVENTS, Table.SESSIONS, Table.INCIDENTS, Table.ROLLUP_1M,
            Table.ROLLUP_1H, Table.SOURCE_MINUTES);

    @TempDir
    Path dir;

    private NetwardenConfig config(Path state) {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString(), "NETWARDEN_API_TOKEN", "kafka-test-api-token-012345")).parse("t.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                """.formatted(state));
    }

    @Test
    void anAgentShipsThroughKafkaIntoTheServersStore() throws Exception {
        assumeTrue(Files.isRegularFile(CAPTURE), "../shared/testdata/pcap absent: " + CAPTURE.toAbsolutePath());
        Path alone = dir.resolve("alone");
        try (LiveRuntime rt = new LiveRuntime(config(alone), new FileFeed(CAPTURE, ReplaySpeed.MAX))) {
            rt.start();
            assertThat(rt.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
        }
        Map<Table, Long> expected = new java.util.EnumMap<>(Table.class);
        try (Store s = new DuckDbStore(alone.resolve("netwarden.duckdb"))) {
            s.start();
            for (Table t : TABLES) expected.put(t, s.count(t));
        }
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir.resolve("kafka")).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            try (var admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic(AgentSettings.DEFAULT_TOPIC, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            Path serverState = dir.resolve("server");
            ServerSettings ss = new ServerSettings("", serverState.resolve(AgentsFile.NAME), kafka.bootstrapServers(), AgentSettings.DEFAULT_TOPIC,
                    "netwarden-server", Duration.ofSeconds(90), 3, Duration.ofHours(1), 50_000);
            try (FleetServer server = new FleetServer(config(serverState), ss, Clock.SYSTEM)) {
                server.start();
                AgentSettings as = new AgentSettings(URI.create("https://unused.example"), "host-k", null, dir.resolve("spool"), 64L << 20,
                        kafka.bootstrapServers(), AgentSettings.DEFAULT_TOPIC, Duration.ofSeconds(1), null, null, null, false, Duration.ofSeconds(20));
                AgentShipping shipping = new AgentShipping(as, Clock.SYSTEM);
                NetwardenConfig c = config(dir.resolve("agent"));
                try (LiveRuntime rt = new LiveRuntime(c, new FileFeed(CAPTURE, ReplaySpeed.MAX),
                        false, shipping)) {
                    rt.start();
                    assertThat(rt.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
                }
                assertThat(shipping.spool().acknowledged()).isEqualTo(shipping.spool().lastSequence());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.store().marks().stream().noneMatch(m -> m.agent().equals("host-k") && m.hwm() >= shipping.spool().lastSequence())
                        && System.nanoTime() < deadline) Thread.sleep(100);
                // events, sessions, incidents as a standalone run; the sampled rollups as the agent produced them (see FleetTest)
                for (Table t : TABLES)
                    assertThat(server.store().count(t, "host-k")).as(t.sql).isEqualTo(
                            t == Table.EVENTS || t == Table.SESSIONS || t == Table.INCIDENTS ? expected.get(t) : shipping.offered(t));
                assertThat(server.store().gaps("host-k")).isEmpty();
            }
        }
    }
}
