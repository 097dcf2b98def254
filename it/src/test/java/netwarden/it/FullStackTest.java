package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.model.Event;
import netwarden.server.ApiToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stack for real: the Debian prometheus, alertmanager and node-exporter binaries run with the
 * shipped configs (rewritten to this run's ports and temp files, see {@link StackConfigs}) against
 * netwarden in this JVM serving HTTPS with client certificates required and synthetic game traffic.
 * Every component serves HTTPS with its shipped web.yml and certificates from `tls init --stack`,
 * and requires a client certificate from the deployment CA (the refusals: {@link #eachComponentRefusesPlainHttpAndClientsWithoutACertificateFromTheCa}).
 * Prometheus scrapes netwarden over mTLS with a bearer token; every dashboard and rule expression
 * then goes through Prometheus' query API; a scrape target that is down fires rules whose alerts
 * travel through Alertmanager to a fake Discord and to netwarden's receiver.
 *
 * <p>Metrics that other parts of netwarden have not landed yet ({@link #PENDING}) cannot return
 * series: expressions reading them must still parse, and they are listed on stdout. Any other
 * metric an expression reads must exist, so a misspelt name fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullStackTest {
    /** What the flows dashboard reads from a running collector. */
    static final Set<String> FLOW_METRICS = Set.of("netwarden_flow_bytes_total", "netwarden_flow_packets_total",
            "netwarden_flow_interface_bytes_total", "netwarden_flow_interface_packets_total", "netwarden_sflow_interface_utilisation_ratio",
            "netwarden_sflow_interface_bits_per_second", "netwarden_flow_records_total", "netwarden_flow_datagrams_total",
            "netwarden_flow_malformed_datagrams_total", "netwarden_flow_records_dropped_total", "netwarden_flow_sampling_unknown_total",
            "netwarden_flow_templates_cached", "netwarden_flow_templates_total", "netwarden_flow_templates_withdrawn_total",
            "netwarden_flow_listener_drops_total", "netwarden_flow_listener_receive_buffer_bytes", "netwarden_flow_queue_datagrams");

    /**
     * Metrics the dashboards and rules read that this in-process netwarden cannot produce: the live
     * capture sources' counters (sources.live.CaptureMetrics) need a real capture, which `netwarden
     * run` will bring; and the live runtime's pipeline health gauge (app.run.PipelineHealth), which
     * this stack, wired without the runtime, has no pipeline thread for; the game-query gauges, which
     * exist only for a service with {@code query:} (GameRunTest scrapes them from a real OpenArena
     * server); the flow collectors' metrics (sources.collect.CollectorMetrics), which exist only with
     * {@code collect:} (FlowRunTest and the live export test scrape them; GrafanaDashboardsTest checks the
     * flows dashboard reads only names the collector registers). Everything else (engine, detection,
     * notifier, GeoIP, TLS, receiver) is real here.
     */
    static final Set<String> PENDING = java.util.stream.Stream.concat(java.util.stream.Stream.of("netwarden_capture_packets_total",
            "netwarden_capture_drops_total", "netwarden_pipeline_healthy", "netwarden_service_query_players",
            "netwarden_service_query_up"), FLOW_METRICS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final List<Event> engineEvents = new CopyOnWriteArrayList<>();
    private final List<Event> alertsReceived = new CopyOnWriteArrayList<>();
    private Path tmp;
    private StackConfigs.Ports ports;
    private PrometheusApi prometheus;
    private FakeDiscord discord;
    private FakeDiscord netwardenDiscord;
    private boolean nodeExporter;

    @BeforeAll
    void startTheStack() throws Exception {
        Path prometheusBin = Tools.find("prometheus");
        Path alertmanagerBin = Tools.find("prometheus-alertmanager") != null ? Tools.find("prometheus-alertmanager") : Tools.find("alertmanager");
        Path nodeBin = Tools.find("prometheus-node-exporter") != null ? Tools.find("prometheus-node-exporter") : Tools.find("node_exporter");
        Assumptions.assumeTrue(prometheusBin != null, "prometheus not installed (Debian package 'prometheus')");
        Assumptions.assumeTrue(alertmanagerBin != null, "alertmanager not installed (Debian package 'prometheus-alertmanager')");
        nodeExporter = nodeBin != null;
        tmp = Files.createTempDirectory("netwarden-stack");
        try {
            start(prometheusBin, alertmanagerBin, nodeBin);
        } catch (Exception | AssertionError e) {
            stopTheStack();
            throw e;
        }
    }

    private void start(Path prometheusBin, Path alertmanagerBin, Path nodeBin) throws Exception {
        TlsInitCommandTest.Run init = TlsInitCommandTest.tls("init", tmp.resolve("tls").toString(), "--hosts", "localhost,127.0.0.1", "--stack");
        assertThat(init.exit()).as(init.err()).isZero();
        String prometheusToken = secret("prometheus_token"), alertmanagerToken = secret("alertmanager_token");
        Files.writeString(tmp.resolve("secrets/smtp_password"), "unused");

        discord = new FakeDiscord(tmp.resolve("tls"));
        running.add(discord);
        netwardenDiscord = new FakeDiscord(null);
        running.add(netwardenDiscord);
        InProcessNetwarden netwarden = new InProcessNetwarden(tmp.resolve("tls"),
                List.of(new ApiToken("prometheus", prometheusToken, false), new ApiToken("alertmanager", alertmanagerToken, false)),
                netwardenDiscord.webhookUrl(), engineEvents::add, alertsReceived::add).start();
        running.add(netwarden);

        ports = new StackConfigs.Ports(netwarden.port(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        if (nodeBin != null)
            processes.add(ManagedProcess.start("node-exporter", List.of(nodeBin.toString(),
                    "--web.listen-address=127.0.0.1:" + ports.node(),
                    "--web.config.file=" + StackConfigs.localCopy(tmp, "node-exporter/web.yml")), tmp));
        Path amConfig = StackConfigs.alertmanager(tmp, ports, discord.webhookUrl());
        processes.add(ManagedProcess.start("alertmanager", List.of(alertmanagerBin.toString(), "--config.file=" + amConfig,
                "--storage.path=" + tmp.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + ports.alertmanager(),
                "--cluster.listen-address=", "--web.config.file=" + StackConfigs.localCopy(tmp, "alertmanager/web.yml")), tmp));
        Path promConfig = StackConfigs.prometheus(tmp, ports);
        processes.add(ManagedProcess.start("prometheus", List.of(prometheusBin.toString(), "--config.file=" + promConfig,
                "--storage.tsdb.path=" + tmp.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + ports.prometheus(),
                "--storage.tsdb.retention.time=1d", "--web.config.file=" + StackConfigs.localCopy(tmp, "prometheus/web.yml")), tmp));

        prometheus = new PrometheusApi(ports.prometheus(), tmp.resolve("tls"));
        assertThat(PrometheusApi.await(Duration.ofSeconds(30), prometheus::ready)).as(logs()).isTrue();
        // Data for every panel: services with rates over two scrapes, players who joined, the flood
        // (from 8 s on) detected as an attack, and host metrics.
        boolean data = PrometheusApi.await(Duration.ofSeconds(60), () ->
                count("rate(netwarden_service_packets_out_total[1m])") >= 2
                        && count("netwarden_service_players > 0") >= 1
                        && count("netwarden_attack_active == 1") >= 1
                        && count("rate(netwarden_attack_pps[1m])") >= 1
                        && (!nodeExporter || count("rate(node_cpu_seconds_total[1m])") > 0));
        assertThat(data).as("netwarden and node-exporter data in Prometheus\n" + logs()).isTrue();
    }

    @AfterAll
    void stopTheStack() throws Exception {
        for (ManagedProcess p : processes.reversed()) p.close();
        for (AutoCloseable c : running.reversed()) c.close();
        processes.clear();
        running.clear();
        if (tmp != null && !Boolean.getBoolean("netwarden.it.keep")) deleteRecursively(tmp);
    }

    /** Removes the run's directory (pass -Dnetwarden.it.keep=true to look at configs and logs afterwards). */
    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Test
    void prometheusScrapesNetwardenOverMutualTlsWithItsToken() throws Exception {
        JsonNode targets = prometheus.get("/api/v1/targets?state=active").path("data").path("activeTargets");
        List<String> seen = new ArrayList<>();
        for (JsonNode t : targets) {
            String job = t.path("labels").path("job").asText(), instance = t.path("labels").path("instance").asText();
            seen.add(job + " " + instance + " " + t.path("health").asText());
            assertThat(t.path("scrapeUrl").asText()).as(job).startsWith("https://");
            if (instance.equals("127.0.0.1:" + ports.netwarden())) {
                assertThat(t.path("scrapeUrl").asText()).isEqualTo("https://127.0.0.1:" + ports.netwarden() + "/metrics");
                assertThat(t.path("health").asText()).as(t.path("lastError").asText()).isEqualTo("up");
            }
        }
        assertThat(seen).contains("netwarden 127.0.0.1:" + ports.netwarden() + " up",
                "netwarden 127.0.0.1:" + ports.deadNetwarden() + " down", "prometheus 127.0.0.1:" + ports.prometheus() + " up");
        if (nodeExporter) assertThat(seen).contains("node 127.0.0.1:" + ports.node() + " up");
        assertThat(count("netwarden_service_pps{service=\"arena\"} > 0")).isEqualTo(1);
        assertThat(count("netwarden_tls_certificate_expiry_timestamp_seconds - time() > 800 * 86400")).isEqualTo(1);
    }

    /**
     * Prometheus, Alertmanager and node-exporter (and netwarden) answer a client with a certificate
     * from the deployment CA over HTTPS with their own certificate; plain HTTP, no client certificate
     * or one from another CA get nothing.
     */
    @Test
    void eachComponentRefusesPlainHttpAndClientsWithoutACertificateFromTheCa() throws Exception {
        Path tls = tmp.resolve("tls");
        Path other = tmp.resolve("other-ca");
        assertThat(TlsInitCommandTest.tls("init", other.toString(), "--hosts", "localhost").exit()).isZero();
        var good = TlsClients.prometheus(tls);
        var noCertificate = TlsClients.client(tls.resolve("ca.pem"), null, null);
        var foreign = TlsClients.client(tls.resolve("ca.pem"), other.resolve("client.pem"), other.resolve("client-key.pem"));
        var plain = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String[]> components = new ArrayList<>(List.of(new String[] {"prometheus", ports.prometheus() + "/-/healthy"},
                new String[] {"alertmanager", ports.alertmanager() + "/-/healthy"}));
        if (nodeExporter) components.add(new String[] {"node-exporter", ports.node() + "/metrics"});
        for (String[] c : components) {
            TlsClients.Answer ok = TlsClients.get(good, "https://127.0.0.1:" + c[1]);
            assertThat(ok.status()).as(c[0]).isEqualTo(200);
            assertThat(ok.serverName()).as(c[0] + " serves its own certificate").isEqualTo("CN=" + c[0] + ",O=netwarden");
            TlsClients.Answer http = TlsClients.get(plain, "http://127.0.0.1:" + c[1]);
            assertThat(http.status()).as(c[0] + " over plain HTTP").isEqualTo(400);
            assertThat(http.body()).contains("HTTP request to an HTTPS server");
        }
        components.add(new String[] {"netwarden", ports.netwarden() + "/metrics"});
        for (String[] c : components)
            for (var refused : List.of(noCertificate, foreign))
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> TlsClients.get(refused, "https://127.0.0.1:" + c[1]))
                        .as(c[0] + " without a client certificate from the CA").isInstanceOf(IOException.class);
    }

    /** The compose healthcheck of Alertmanager (amtool with the shipped HTTP client config) passes over mTLS. */
    @Test
    void theAlertmanagerHealthcheckPassesWithTheShippedClientConfigAndFailsWithout() throws Exception {
        Path amtool = Tools.find("amtool");
        Assumptions.assumeTrue(amtool != null, "amtool not installed (Debian package 'prometheus-alertmanager')");
        String url = "--alertmanager.url=https://localhost:" + ports.alertmanager();
        // Prometheus' healthcheck.yml too: Debian's promtool (2.42) has no `check healthy`, so its
        // client config is tried here against Alertmanager, which accepts Prometheus' certificate.
        for (String shipped : List.of("alertmanager/healthcheck.yml", "prometheus/healthcheck.yml")) {
            Tools.Result r = Tools.run(List.of(amtool.toString(), url, "--http.config.file=" + StackConfigs.localCopy(tmp, shipped),
                    "config", "show"), java.util.Map.of(), tmp, 30);
            assertThat(r.exitCode()).as(shipped + ": " + r).isZero();
            assertThat(r.output()).contains("receivers:");
        }
        Path caOnly = Files.writeString(tmp.resolve("ca-only.yml"), "tls_config:\n  ca_file: " + tmp.resolve("tls/ca.pem") + "\n");
        Tools.Result refused = Tools.run(List.of(amtool.toString(), url, "--http.config.file=" + caOnly, "config", "show"),
                java.util.Map.of(), tmp, 30);
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    }

    @Test
    void everyDashboardExpressionParsesAndReturnsSeries() throws Exception {
        check(Expressions.dashboards());
    }

    @Test
    void everyRuleExpressionParsesAndEveryRuleEvaluatesWithoutError() throws Exception {
        check(Expressions.rules());
        // Each rule evaluated by Prometheus itself at least once, without an error.
        assertThat(PrometheusApi.await(Duration.ofSeconds(20), () -> {
            for (JsonNode g : prometheus.get("/api/v1/rules").path("data").path("groups"))
                for (JsonNode r : g.path("rules"))
                    if (r.path("lastEvaluation").asText().startsWith("0001-")) return false;
            return true;
        })).isTrue();
        List<String> unhealthy = new ArrayList<>();
        int rules = 0;
        for (JsonNode g : prometheus.get("/api/v1/rules").path("data").path("groups"))
            for (JsonNode r : g.path("rules")) {
                rules++;
                if (!r.path("health").asText().equals("ok")) unhealthy.add(r.path("name").asText() + ": " + r.path("lastError").asText());
            }
        assertThat(rules).isEqualTo(Expressions.rules().size());
        assertThat(unhealthy).isEmpty();
    }

    @Test
    void aFiringRuleReachesDiscordThroughAlertmanagerAndNetwardensReceiver() throws Exception {
        // Prometheus sends to Alertmanager over HTTPS (alerting.alertmanagers scheme and tls_config).
        assertThat(prometheus.get("/api/v1/alertmanagers").path("data").path("activeAlertmanagers").get(0).path("url").asText())
                .isEqualTo("https://127.0.0.1:" + ports.alertmanager() + "/api/v2/alerts");
        // The dead netwarden target: NetwardenDown goes around netwarden, straight to Discord.
        assertThat(PrometheusApi.await(Duration.ofSeconds(40), () -> discord.received("NetwardenDown")))
                .as("Alertmanager posted NetwardenDown to the fake Discord\n" + logs()).isTrue();
        String post = discord.posts.stream().filter(p -> p.body().contains("NetwardenDown")).findFirst().orElseThrow().body();
        assertThat(Expressions.JSON.readTree(post).path("embeds").get(0).path("title").asText()).contains("FIRING", "NetwardenDown");
        // The dead node-exporter target: NodeExporterDown goes to netwarden's receiver over mTLS with its token.
        Assumptions.assumeTrue(nodeExporter, "prometheus-node-exporter not installed: NodeExporterDown is the alert routed to netwarden");
        assertThat(PrometheusApi.await(Duration.ofSeconds(40), () -> alertsReceived.stream()
                .anyMatch(e -> e instanceof Event.ExternalAlert a && a.name().equals("NodeExporterDown"))))
                .as("netwarden received NodeExporterDown from Alertmanager\n" + logs()).isTrue();
        Event.ExternalAlert alert = alertsReceived.stream().map(Event.ExternalAlert.class::cast)
                .filter(a -> a.name().equals("NodeExporterDown")).findFirst().orElseThrow();
        assertThat(alert.status()).isEqualTo("firing");
        assertThat(alert.severity()).isEqualTo("warning");
        assertThat(alert.labels()).containsEntry("instance", "127.0.0.1:" + ports.deadNode()).containsEntry("job", "node");
        assertThat(alert.annotations()).containsEntry("summary", "node-exporter on 127.0.0.1:" + ports.deadNode() + " is down");
        assertThat(PrometheusApi.await(Duration.ofSeconds(10), () ->
                count("netwarden_alertmanager_alerts_received_total{status=\"firing\"} > 0") == 1)).isTrue();
        // ... and netwarden's own routing sends it on to its Discord channel.
        assertThat(PrometheusApi.await(Duration.ofSeconds(20), () -> netwardenDiscord.received("NodeExporterDown")))
                .as("netwarden's notifier posted the alert to its Discord channel; posts: " + netwardenDiscord.posts).isTrue();
        String routed = netwardenDiscord.posts.stream().filter(p -> p.body().contains("NodeExporterDown")).findFirst().orElseThrow().body();
        assertThat(Expressions.JSON.readTree(routed).path("embeds").get(0).path("title").asText())
                .contains("[FIRING] NodeExporterDown");
        System.out.println("[FullStackTest] alerts netwarden received: " + alertsReceived.stream()
                .map(e -> ((Event.ExternalAlert) e).name() + "/" + ((Event.ExternalAlert) e).status()).distinct().toList());
    }

    /** Sends each expression to Prometheus; see the class comment for what must hold. */
    private void check(List<Expressions.Expr> expressions) throws Exception {
        Set<String> present = prometheus.metricNames();
        Set<String> pendingSeen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int full = 0;
        for (Expressions.Expr e : expressions) {
            JsonNode answer = prometheus.query(e.query());
            if (!answer.path("status").asText().equals("success")) {
                problems.add(e.where() + ": does not parse: " + answer.path("error").asText() + "\n    " + e.query());
                continue;
            }
            Set<String> missing = new TreeSet<>(e.metrics());
            missing.removeAll(present);
            Set<String> unknown = new TreeSet<>(missing);
            unknown.removeAll(PENDING);
            if (!nodeExporter) unknown.removeIf(m -> m.startsWith("node_"));
            if (!unknown.isEmpty()) problems.add(e.where() + ": reads metrics netwarden does not expose: " + unknown);
            if (!missing.isEmpty()) {
                pendingSeen.addAll(missing);
                continue;
            }
            if (e.kind() != Expressions.Kind.CONDITION) {
                full++;
                if (answer.path("data").path("result").isEmpty())
                    problems.add(e.where() + ": returned no series\n    " + e.query());
            }
        }
        System.out.println("[FullStackTest] " + expressions.size() + " expressions parsed; " + full
                + " panel and variable queries returned series; pending metrics (work in progress, parse only): " + pendingSeen);
        assertThat(problems).isEmpty();
    }

    private int count(String promql) throws IOException, InterruptedException {
        return prometheus.query(promql).path("data").path("result").size();
    }

    private String secret(String name) throws IOException {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(tmp.resolve("secrets").resolve(name), token);
        return token;
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (ManagedProcess p : processes) b.append(p.tail()).append('\n');
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
