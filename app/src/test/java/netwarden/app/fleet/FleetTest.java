package netwarden.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import netwarden.app.history.History;
import netwarden.app.run.FileFeed;
import netwarden.app.run.LiveRuntime;
import netwarden.model.Clock;
import netwarden.store.AddressInfo;
import netwarden.store.DuckDbStore;
import netwarden.store.Queries;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three agents replaying shared captures into one server: the server holds, per agent and table, exactly the rows
 * each capture gives a standalone run, and so the fleet totals are their sum; agents and their freshness are
 * listed; the fleet rules fire; a revoked agent is refused; a full spool's evictions arrive as that agent's gap;
 * a silent agent goes stale and comes back.
 */
class FleetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CAPTURES = Path.of(System.getProperty("netwarden.shared", "../../shared")).resolve("testdata/pcap");
    private static final String API = "fleet-test-api-token-0123456789";
    private static final List<Table> TABLES = List.of(Table.EVENTS, Table.SESSIONS, Table.INCIDENTS, Table.INCIDENT_SOURCES,
            Table.INCIDENT_PORTS, Table.ROLLUP_1S, Table.ROLLUP_1M, Table.ROLLUP_1H, Table.SOURCE_MINUTES);
    /**
     * Rows made from the engine's events: the same in every replay of a capture. The rollups and per-source summaries
     * are taken from the snapshots the pipeline thread samples between packets, which at full speed on a loaded
     * machine may skip seconds a snapshot no longer holds: for those the server must hold what the agent produced.
     */
    private static final List<Table> FROM_EVENTS = List.of(Table.EVENTS, Table.SESSIONS, Table.INCIDENTS, Table.INCIDENT_SOURCES,
            Table.INCIDENT_PORTS);
    /** Not rollup_1s: its retention is one hour, and the server's first purge (on its writer thread, soon after start) may
     *  delete the captures' months-old seconds after they were stored. */
    private static final List<Table> SAMPLED = List.of(Table.ROLLUP_1M, Table.ROLLUP_1H, Table.SOURCE_MINUTES);

    @TempDir
    Path dir;

    private NetwardenConfig config(Path state) {
        return new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString(), "NETWARDEN_API_TOKEN", API)).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                """.formatted(state));
    }

    private static Path capture(String name) {
        Path p = CAPTURES.resolve(name);
        assumeTrue(Files.isRegularFile(p), "../shared/testdata/pcap absent: " + p.toAbsolutePath());
        return p;
    }

    /** What a standalone run of the capture keeps in its own store, per table. */
    private Map<Table, Long> standalone(String name, Path capture) throws Exception {
        Path state = dir.resolve("alone-" + name);
        try (LiveRuntime rt = new LiveRuntime(config(state), new FileFeed(capture, ReplaySpeed.MAX))) {
            rt.start();
            assertThat(rt.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
        }
        Map<Table, Long> counts = new EnumMap<>(Table.class);
        try (Store s = new DuckDbStore(state.resolve("netwarden.duckdb"))) {
            s.start();
            for (Table t : TABLES) counts.put(t, s.count(t));
        }
        return counts;
    }

    private AgentSettings agent(String id, String token, URI server, String spoolMax) {
        return new AgentSettings(server, id, token, dir.resolve("spool-" + id), AgentCommand.size(spoolMax), null,
                AgentSettings.DEFAULT_TOPIC, Duration.ofMillis(300), null, null, null, false, Duration.ofSeconds(20));
    }

    /** Runs the capture as an agent to its end; returns the agent's shipping (its spool's counters). */
    private AgentShipping runAgent(AgentSettings s, Path capture) throws Exception {
        AgentShipping shipping = new AgentShipping(s, Clock.SYSTEM);
        NetwardenConfig c = config(dir.resolve("agent-state-" + s.agentId()));
        try (LiveRuntime rt = new LiveRuntime(c, new FileFeed(capture, ReplaySpeed.MAX),
                false, shipping)) {
            rt.start();
            assertThat(rt.awaitFeedEnd(Duration.ofSeconds(30))).isTrue();
        }
        return shipping;
    }

    private static JsonNode get(int port, String path) throws Exception {
        Http.Answer a = Http.get(port, path, API);
        assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
        return JSON.readTree(a.body());
    }

    @Test
    void threeAgentsIntoOneServerHoldExactlyWhatStandaloneRunsKeep() throws Exception {
        Map<String, String> captures = Map.of("host-1", "game-openarena-3players.pcapng",
                "host-2", "game-openarena-2players-memcached.pcapng", "host-3", "game-openarena-2players-memcached.pcapng");
        captures.values().forEach(FleetTest::capture);
        Path serverState = dir.resolve("server");
        Path agentsFile = serverState.resolve(AgentsFile.NAME);
        Map<String, String> tokens = new java.util.TreeMap<>();
        for (String id : List.of("host-1", "host-2", "host-3", "host-4")) tokens.put(id, AgentsFile.add(agentsFile, id));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agentsFile))).isEqualTo("rw-------");
        assertThat(Files.readString(agentsFile)).doesNotContain(tokens.get("host-1"));

        ServerSettings ss = new ServerSettings("", agentsFile, null, AgentSettings.DEFAULT_TOPIC, "g", Duration.ofSeconds(2), 2,
                Duration.ofHours(1), 50_000);
        try (FleetServer server = new FleetServer(config(serverState), ss, Clock.SYSTEM)) {
            server.start();
            int port = server.port();
            URI url = URI.create("http://127.0.0.1:" + port);

            // three agents at once, each replaying a shared capture at full speed
            ExecutorService pool = Executors.newFixedThreadPool(3);
            Map<String, Future<AgentShipping>> runs = new java.util.TreeMap<>();
            for (var e : captures.entrySet())
                runs.put(e.getKey(), pool.submit(() -> runAgent(agent(e.getKey(), tokens.get(e.getKey()), url, "256m"), capture(e.getValue()))));
            Map<String, Map<Table, Long>> alone = new java.util.TreeMap<>();
            for (String name : new java.util.TreeSet<>(captures.values())) alone.put(name, standalone(name, capture(name)));
            Map<String, AgentShipping> shipped = new java.util.TreeMap<>();
            for (var e : runs.entrySet()) shipped.put(e.getKey(), e.getValue().get());
            pool.shutdown();

            Store store = server.store();
            Map<Table, Long> sum = new EnumMap<>(Table.class);
            for (var e : captures.entrySet()) {
                String id = e.getKey();
                AgentShipping a = shipped.get(id);
                assertThat(a.spool().acknowledged()).as(id + " drained its spool").isEqualTo(a.spool().lastSequence());
                assertThat(a.spool().stats().evictedRows()).isZero();
                Map<Table, Long> expected = alone.get(e.getValue());
                for (Table t : TABLES) {
                    long n = store.count(t, id);
                    if (t == Table.EVENTS) // the server's own events about the agent (agent_stale, agent_back) are not shipped rows
                        n -= store.events(new Queries.Events(null, null, 0, Long.MAX_VALUE, 100_000, id)).stream()
                                .filter(ev -> ev.kind().startsWith("agent_")).count();
                    if (FROM_EVENTS.contains(t)) assertThat(n).as(id + " " + t.sql + " as standalone").isEqualTo(expected.get(t));
                    if (t == Table.EVENTS || SAMPLED.contains(t)) assertThat(n).as(id + " " + t.sql + " as produced").isEqualTo(a.offered(t));
                    sum.merge(t, n, Long::sum);
                }
                JsonNode agentView = get(port, "/api/v1/agents/" + id);
                assertThat(agentView.get("gaps").asLong()).isZero();
                assertThat(agentView.get("epochs").get(0).get("sequence").asLong()).isEqualTo(a.spool().lastSequence());
            }
            assertThat(sum.get(Table.EVENTS)).isPositive();
            assertThat(sum.get(Table.ROLLUP_1M)).isEqualTo(store.count(Table.ROLLUP_1M)); // fleet total = the sum of the three
            assertThat(sum.get(Table.INCIDENTS)).isEqualTo(store.count(Table.INCIDENTS));

            // the API filters by agent
            JsonNode events = get(port, "/api/v1/events?agent=host-2&limit=10000&kind=attack_started");
            assertThat(events.get("events")).isNotEmpty().allSatisfy(ev -> assertThat(ev.get("agent").asText()).isEqualTo("host-2"));
            String incident = events.get("events").get(0).get("incident").asText();
            assertThat(Http.get(port, "/api/v1/incidents/" + incident, API).status()).isEqualTo(400);
            assertThat(get(port, "/api/v1/incidents/" + incident + "?agent=host-2").get("agent").asText()).isEqualTo("host-2");

            // fleet rules: the same reflectors hit host-2 and host-3, the same players are on several servers
            Http.Answer multi = Http.await(port, "/api/v1/events?kind=fleet_source_multi_host", API, Duration.ofSeconds(10), x -> x.body().contains("hits 2 hosts: host-2") && x.body().contains("host-3"));
            assertThat(multi.body()).contains("10.201.").doesNotContain("10.201.3.2\"", "source 10.201"); // masked
            Http.await(port, "/api/v1/events?kind=fleet_player_multi_server", API, Duration.ofSeconds(10),
                    x -> x.body().contains("one player is seen on 2 servers")); // which two hosts come first is a race

            // silent agents go stale (2 s here), with an event; a heartbeat brings one back
            Http.await(port, "/api/v1/agents", API, Duration.ofSeconds(15), x -> x.body().contains("\"agent\":\"host-1\",\"state\":\"stale\""));
            Http.await(port, "/api/v1/events?kind=agent_stale&agent=host-1", API, Duration.ofSeconds(10), x -> x.body().contains("agent_stale"));
            String beat = "{\"v\":1,\"agent\":\"host-1\",\"epoch\":9,\"seq\":1,\"rows\":[{\"t\":\"heartbeat\",\"d\":{\"ts_ms\":1}}]}";
            assertThat(Http.post(port, "/api/v1/ingest", tokens.get("host-1"), beat).status()).isEqualTo(200);
            Http.await(port, "/api/v1/events?kind=agent_back&agent=host-1", API, Duration.ofSeconds(10), x -> x.body().contains("agent_back"));

            // an agent writes only as itself; the server's token is no agent's; a revoked agent is refused
            assertThat(Http.post(port, "/api/v1/ingest", tokens.get("host-2"), beat).status()).isEqualTo(403);
            assertThat(Http.post(port, "/api/v1/ingest", API, beat).status()).isEqualTo(403);
            assertThat(AgentsFile.revoke(agentsFile, "host-1")).isTrue();
            Http.Answer refused = null;
            for (int i = 0; i < 100 && (refused == null || refused.status() != 403); i++, Thread.sleep(100))
                refused = Http.post(port, "/api/v1/ingest", tokens.get("host-1"), beat.replace("\"seq\":1", "\"seq\":2"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("revoked");
            assertThat(get(port, "/api/v1/agents").toString()).contains("\"agent\":\"host-1\",\"state\":\"revoked\"");

            // a full spool: the agent cannot reach the server, evicts the oldest; the server later shows the gap
            AgentSettings cut = agent("host-4", tokens.get("host-4"), URI.create("http://127.0.0.1:1"), "64k");
            cut = new AgentSettings(cut.server(), cut.agentId(), cut.token(), cut.spoolDir(), cut.spoolMaxBytes(), null, cut.kafkaTopic(),
                    cut.heartbeat(), null, null, null, false, Duration.ofMillis(100));
            long evicted = 0;
            for (int i = 0; i < 3; i++) // three replays while the server is out of reach outgrow the 64 KiB spool
                evicted += runAgent(cut, capture("game-openarena-2players-memcached.pcapng")).spool().stats().evictedRows();
            assertThat(evicted).isPositive();
            AgentShipping again = runAgent(agent("host-4", tokens.get("host-4"), url, "64k"), capture("ndpi-source_engine.pcap"));
            assertThat(again.spool().acknowledged()).isEqualTo(again.spool().lastSequence());
            JsonNode host4 = get(port, "/api/v1/agents/host-4");
            assertThat(host4.get("gaps").asLong()).isPositive();
            assertThat(host4.get("rows_lost").asLong()).isEqualTo(evicted);
            assertThat(get(port, "/api/v1/events?kind=agent_gap&agent=host-4").get("events")).isNotEmpty();
        }
    }

    @Test
    void aServerThatWasDownGetsEverythingOnceItIsBack() throws Exception {
        Path capture = capture("game-openarena-3players.pcapng");
        Path serverState = dir.resolve("server");
        String token = AgentsFile.add(serverState.resolve(AgentsFile.NAME), "host-1");
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // the agent captures while the server is down; its spool holds the rows and its shipper keeps trying
        Future<AgentShipping> run = pool.submit(() -> runAgent(agent("host-1", token, url, "256m"), capture));
        Map<Table, Long> alone = standalone("alone", capture);
        NetwardenConfig c = config(serverState);
        c = c.withHttp(c.http().withListen(netwarden.app.config.ListenAddress.parse("127.0.0.1:" + port)));
        ServerSettings ss = new ServerSettings("", serverState.resolve(AgentsFile.NAME), null, AgentSettings.DEFAULT_TOPIC, "g",
                Duration.ofSeconds(90), 3, Duration.ofHours(1), 50_000);
        try (FleetServer server = new FleetServer(c, ss, Clock.SYSTEM)) {
            server.start();
            AgentShipping a = run.get();
            assertThat(a.spool().acknowledged()).isEqualTo(a.spool().lastSequence());
            assertThat(a.spool().stats().evictedRows()).isZero();
            for (Table t : FROM_EVENTS) assertThat(server.store().count(t, "host-1")).as(t.sql).isEqualTo(alone.get(t));
            for (Table t : SAMPLED) assertThat(server.store().count(t, "host-1")).as(t.sql).isEqualTo(a.offered(t));
            assertThat(server.store().gaps("host-1")).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAgentShipsOverHttpsWithItsTlsInitClientCertificate() throws Exception {
        Path tls = dir.resolve("tls");
        var out = new java.io.StringWriter();
        assertThat(netwarden.app.Main.execute(new netwarden.app.CliContext(Map.of()), new java.io.PrintWriter(out), new java.io.PrintWriter(out),
                "tls", "init", tls.toString(), "--hosts", "127.0.0.1,localhost", "--agents", "host-1")).as(out.toString()).isZero();
        Path serverState = dir.resolve("server");
        String token = AgentsFile.add(serverState.resolve(AgentsFile.NAME), "host-1");
        NetwardenConfig c = config(serverState);
        c = c.withHttp(c.http().withWebConfig(tls.resolve("web.yml")));
        ServerSettings ss = new ServerSettings("", serverState.resolve(AgentsFile.NAME), null, AgentSettings.DEFAULT_TOPIC, "g",
                Duration.ofSeconds(90), 3, Duration.ofHours(1), 50_000);
        try (FleetServer server = new FleetServer(c, ss, Clock.SYSTEM)) {
            server.start();
            assertThat(server.scheme()).isEqualTo("https");
            URI url = URI.create("https://127.0.0.1:" + server.port());
            AgentSettings s = new AgentSettings(url, "host-1", token, dir.resolve("spool-tls"), 1 << 20, null, AgentSettings.DEFAULT_TOPIC,
                    Duration.ofSeconds(1), tls.resolve("ca.pem"), tls.resolve("agent-host-1.pem"), tls.resolve("agent-host-1-key.pem"), false,
                    Duration.ofSeconds(20));
            AgentShipping a = runAgent(s, capture("game-openarena-3players.pcapng"));
            assertThat(a.spool().acknowledged()).isEqualTo(a.spool().lastSequence());
            assertThat(server.store().count(Table.EVENTS, "host-1")).isPositive();
            for (Table t : SAMPLED) assertThat(server.store().count(t, "host-1")).as(t.sql).isEqualTo(a.offered(t));
        }
    }
}
