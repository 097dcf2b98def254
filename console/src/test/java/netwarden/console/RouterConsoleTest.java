package netwarden.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.model.EngineSnapshot;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.store.DuckDbStore;
import netwarden.store.RouterRows;
import netwarden.store.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router pages over HTTP without a browser, on a store holding router rows: devices, a device's connections,
 * DNS, firewall records and anomalies, the anomaly filters, renaming and rules through CSRF-checked forms that a
 * read-only token cannot use, masked addresses for a token that shows them masked, and no pages without the profile.
 */
class RouterConsoleTest {
    private static final ApiToken ADMIN = new ApiToken("admin", "admin-token-0123456789abcdef", true);
    private static final ApiToken VIEWER = new ApiToken("viewer", "viewer-token-0123456789abcdef", true, true);
    private static final ApiToken MASKED = new ApiToken("masked", "masked-token-0123456789abcdef", false);
    private static final long T0 = 1_795_268_700_000L;
    private static final String DEV = "192.168.50.20";

    @TempDir
    Path dir;
    private DuckDbStore store;
    private NetwardenHttpServer server;
    private final List<RouterRules.Rule> ruleList = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(T0);
    private final AtomicReference<EngineSnapshot> live = new AtomicReference<>(EngineSnapshot.EMPTY);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The rules as a list in memory: the app's rule book (with its parsing) sits behind this interface. */
    private final RouterRules rules = new RouterRules() {
        @Override
        public List<Rule> list() {
            return List.copyOf(ruleList);
        }

        @Override
        public Rule add(Fields f) {
            if (!"allow".equals(f.type()) && !"suppress".equals(f.type())) throw new IllegalArgumentException("type must be allow or suppress");
            Rule r = new Rule("r" + ruleList.size(), false, f);
            ruleList.add(r);
            return r;
        }

        @Override
        public boolean remove(String id) {
            for (Rule r : ruleList) if (r.id().equals(id) && r.fromConfig()) throw new IllegalArgumentException("rule " + id + " comes from the config file");
            return ruleList.removeIf(r -> r.id().equals(id));
        }
    };

    @BeforeEach
    void start() throws Exception {
        store = new DuckDbStore(dir.resolve("store.duckdb"));
        store.start();
        store.write(Rows.Batch.builder()
                .device(new RouterRows.Device("", DEV, "02:00:00:00:00:20", null, T0, T0 + 60_000))
                .device(new RouterRows.Device("", "192.168.50.30", null, null, T0, T0 + 60_000))
                .connection(new RouterRows.Connection("", DEV, "203.0.113.80", 6, 443, 10, 1234, 12, 56_789, "shop.example",
                        "DE", 64500, T0, T0 + 10_000))
                .connection(new RouterRows.Connection("", DEV, "198.51.100.9", 17, 53, 1, 70, 1, 90, "other.example",
                        null, 0, T0, T0 + 20_000))
                .connection(new RouterRows.Connection("", "192.168.50.30", "203.0.113.99", 6, 22, 1, 60, 1, 60, null,
                        null, 0, T0, T0 + 20_000))
                .dns(new RouterRows.Dns("", T0 + 1_000, DEV, "reply", "shop.example", "A", "203.0.113.80"))
                .firewall(new RouterRows.Firewall("", T0 + 2_000, "drop", "nw-drop", 5, DEV, "203.0.113.66", 6, 23, 60))
                .anomaly(new RouterRows.Anomaly("", T0 + 3_000, DEV, "PORT_SCAN_LIKE", 80, "40 ports in 10 s", "203.0.113.66", -1, "dev-inc-1"))
                .anomaly(new RouterRows.Anomaly("", T0 + 4_000, "192.168.50.30", "NEW_DST", 20, "first time <seen>", "203.0.113.99", 22, null))
                .build());
        ruleList.add(new RouterRules.Rule("config-0", true, new RouterRules.Fields("allow", null, "203.0.113.0/24", null, null, null, null)));
        server = serve(true);
    }

    private NetwardenHttpServer serve(boolean router) throws Exception {
        ApiTokens tokens = new ApiTokens(List.of(ADMIN, VIEWER, MASKED));
        NetwardenHttpServer s = new NetwardenHttpServer(HttpServerConfig.defaults().withListen(new java.net.InetSocketAddress("127.0.0.1", 0)),
                tokens, live::get, new PrometheusRegistry());
        Console console = new Console(store, live::get, tokens, null, false, clock::get);
        if (router) console.withRouter(rules);
        console.register(s, new PrometheusRegistry());
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    @Test
    void devicePagesShowTheirConnectionsDnsFirewallAndAnomalies() throws Exception {
        String session = signIn(ADMIN);
        String devices = get("/devices", session).body();
        assertThat(devices).contains("href=\"/devices/192.168.50.20\"").contains("02:00:00:00:00:20")
                .contains("href=\"/anomalies\"").contains("href=\"/router/rules\"");
        HttpResponse<String> page = get("/devices/" + DEV, session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("203.0.113.80").contains("shop.example").contains("1.2 KiB").contains("55.5 KiB")
                .contains("tcp/443").contains("AS64500").contains("nw-drop").contains("PORT_SCAN_LIKE").contains("href=\"/incidents/dev-inc-1\"")
                .as("the other device's connection").doesNotContain("203.0.113.99");
        String filtered = get("/devices/" + DEV + "?domain=other.example", session).body();
        assertThat(filtered).contains("198.51.100.9").doesNotContain("56.5 KiB").doesNotContain("tcp/443");
        assertThat(get("/devices/" + DEV + "?asn=AS64500", session).body()).contains("tcp/443").doesNotContain("udp/53");
        assertThat(get("/devices/192.168.50.99", session).statusCode()).isEqualTo(404);
    }

    @Test
    void anomaliesFilterByCodeAndDeviceAndEscapeEvidence() throws Exception {
        String session = signIn(ADMIN);
        String all = get("/anomalies", session).body();
        assertThat(all).contains("PORT_SCAN_LIKE").contains("NEW_DST").contains("first time &lt;seen&gt;");
        String byCode = get("/anomalies?code=new_dst", session).body();
        assertThat(byCode).contains("first time &lt;seen&gt;").doesNotContain("40 ports in 10 s");
        assertThat(get("/anomalies?device=" + DEV, session).body()).contains("40 ports in 10 s").doesNotContain("first time");
        assertThat(get("/anomalies?code=NOPE", session).statusCode()).isEqualTo(400);
        assertThat(get("/anomalies?from=" + (T0 + 4_000) / 1000 + "&to=" + (T0 + 10_000) / 1000, session).body())
                .contains("NEW_DST").doesNotContain("40 ports in 10 s");
    }

    @Test
    void renamingNeedsTheCsrfTokenAndAWritingToken() throws Exception {
        String session = signIn(ADMIN);
        String csrf = value(get("/devices", session).body(), "csrf");
        String path = "/devices/" + DEV + "/name";
        assertThat(post(path, session, "name=Laptop").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(store.devices("")).filteredOn(d -> d.address().equals(DEV)).extracting(RouterRows.Device::name).containsOnlyNulls();
        assertThat(post(path, session, "csrf=" + csrf + "&name=" + enc("Kid's <laptop>")).statusCode()).isEqualTo(303);
        assertThat(store.devices("")).filteredOn(d -> d.address().equals(DEV)).extracting(RouterRows.Device::name).containsExactly("Kid's <laptop>");
        assertThat(get("/devices", session).body()).contains("Kid&#39;s &lt;laptop&gt;").doesNotContain("<laptop>");
        assertThat(post("/devices/192.168.50.99/name", session, "csrf=" + csrf + "&name=x").statusCode()).isEqualTo(404);

        String viewer = signIn(VIEWER);
        String viewerPage = get("/devices", viewer).body();
        assertThat(viewerPage).as("no rename form for a read-only token").doesNotContain("class=rename");
        assertThat(post(path, viewer, "csrf=" + value(viewerPage, "csrf") + "&name=Hacked").statusCode()).isEqualTo(403);
        assertThat(store.devices("")).filteredOn(d -> d.address().equals(DEV)).extracting(RouterRows.Device::name).containsExactly("Kid's <laptop>");
    }

    @Test
    void rulesAreAddedAndDeletedThroughFormsButNotByReadOnlyTokens() throws Exception {
        String session = signIn(ADMIN);
        String page = get("/router/rules", session).body();
        assertThat(page).contains("config-0").contains("203.0.113.0/24").contains("config file");
        String csrf = value(page, "csrf");
        assertThat(post("/router/rules", session, "type=suppress&code=NEW_DST").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(post("/router/rules", session, "csrf=" + csrf + "&type=suppress&device=" + DEV + "&code=NEW_DST&asn=").statusCode()).isEqualTo(303);
        assertThat(ruleList).hasSize(2);
        assertThat(ruleList.get(1).fields()).isEqualTo(new RouterRules.Fields("suppress", DEV, null, null, null, null, "NEW_DST"));
        assertThat(post("/router/rules", session, "csrf=" + csrf + "&type=block").statusCode()).isEqualTo(400);
        assertThat(get("/router/rules", session).body()).contains("action=\"/router/rules/r1/delete\"");
        assertThat(post("/router/rules/config-0/delete", session, "csrf=" + csrf).statusCode()).as("a config rule").isEqualTo(409);

        String viewer = signIn(VIEWER);
        String viewerCsrf = value(get("/router/rules", viewer).body(), "csrf");
        assertThat(post("/router/rules/r1/delete", viewer, "csrf=" + viewerCsrf).statusCode()).isEqualTo(403);
        assertThat(post("/router/rules", viewer, "csrf=" + viewerCsrf + "&type=allow&port=443").statusCode()).isEqualTo(403);
        assertThat(ruleList).hasSize(2);

        assertThat(post("/router/rules/r1/delete", session, "csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(ruleList).extracting(RouterRules.Rule::id).containsExactly("config-0");
    }

    @Test
    void aMaskedTokenSeesMaskedAddressesWithoutDeviceLinks() throws Exception {
        String session = signIn(MASKED);
        String devices = get("/devices", session).body();
        assertThat(devices).doesNotContain(DEV).doesNotContain("href=\"/devices/").doesNotContain("class=rename");
        assertThat(get("/anomalies", session).body()).doesNotContain(DEV).doesNotContain("203.0.113.66").contains("PORT_SCAN_LIKE");
        assertThat(get("/router/rules", session).body()).doesNotContain("<td>203.0.113.0/24").contains("/24</td>");
        assertThat(get("/devices/" + DEV, session).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutTheRouterProfileThereAreNoRouterPages() throws Exception {
        server.close();
        server = serve(false);
        String session = signIn(ADMIN);
        assertThat(get("/", session).body()).doesNotContain("href=\"/devices\"").doesNotContain("href=\"/anomalies\"");
        assertThat(get("/devices", session).statusCode()).isEqualTo(404);
        assertThat(get("/anomalies", session).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=" + name + " value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name + " in the page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String signIn(ApiToken token) throws Exception {
        HttpResponse<String> form = get("/login", null);
        String login = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> done = post("/login", login, "csrf=" + value(form.body(), "csrf") + "&token=" + enc(token.secret()));
        assertThat(done.statusCode()).isEqualTo(303);
        return done.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }
}
