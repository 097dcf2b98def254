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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.model.AttackKind;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;
import netwarden.model.ScopeKind;
import netwarden.model.Severity;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.store.DuckDbStore;
import netwarden.store.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over HTTP without a browser: sign-in, cookies, CSRF, session expiry by the injected clock,
 * one-time links, escaping, the attack banner and the map's shading (the browser test covers the pages
 * in Chromium over a real capture).
 */
class ConsoleTest {
    private static final ApiToken ADMIN = new ApiToken("admin", "admin-token-0123456789abcdef", true);
    private static final long T0 = 1_795_268_700_000L;

    @TempDir
    Path dir;
    private DuckDbStore store;
    private NetwardenHttpServer server;
    private Console console;
    private final AtomicLong clock = new AtomicLong(T0);
    private final AtomicReference<EngineSnapshot> live = new AtomicReference<>(EngineSnapshot.EMPTY);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        store = new DuckDbStore(dir.resolve("store.duckdb"));
        store.start();
        store.write(Rows.Batch.builder()
                .incident(new Rows.Incident("", "inc-1", "service", "arena", "arena", "udp_flood", "high", "flood <b>here</b>",
                        T0, T0 + 30_000, T0 + 30_000, 5000, 40_000_000, 100_000, 8_000_000, 40, true, false, "[]",
                        "[{\"port\":11211,\"packets\":900}]", null, 0, null))
                .session(new Rows.Session("", "arena", "198.51.100.7", T0, T0 + 60_000, 0, 100, 90, 10_000, 9_000, "DE", 3320, "", "Alice"))
                .build());
        ApiTokens tokens = new ApiTokens(List.of(ADMIN));
        server = new NetwardenHttpServer(HttpServerConfig.defaults().withListen(new java.net.InetSocketAddress("127.0.0.1", 0)),
                tokens, live::get, new PrometheusRegistry());
        console = new Console(store, live::get, tokens, null, true, clock::get);
        console.register(server, new PrometheusRegistry());
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
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

    /** Signs in through the form; answers the session cookie ("nw_session=..."). */
    private String signIn(String token) throws Exception {
        HttpResponse<String> form = get("/login", null);
        String login = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> done = post("/login", login, "csrf=" + value(form.body(), "csrf") + "&token=" + enc(token));
        assertThat(done.statusCode()).isEqualTo(303);
        return done.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void signInSetsAStrictHttpOnlySecureCookieAndRefusesWhatIsWrong() throws Exception {
        HttpResponse<String> form = get("/login", null);
        assertThat(form.statusCode()).isEqualTo(200);
        String login = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = value(form.body(), "csrf");
        assertThat(post("/login", login, "token=" + ADMIN.secret()).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(post("/login", null, "csrf=" + csrf + "&token=" + ADMIN.secret()).statusCode()).as("no login cookie").isEqualTo(403);
        assertThat(post("/login", login, "csrf=" + csrf + "&token=wrong-token-0123456789").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = post("/login", login, "csrf=" + csrf + "&token=" + ADMIN.secret());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/");
        assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("nw_session=")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
    }

    @Test
    void sessionsExpireWhenIdleAndEndAtSignOut() throws Exception {
        String session = signIn(ADMIN.secret());
        assertThat(get("/", session).statusCode()).isEqualTo(200);
        clock.addAndGet(Duration.ofMinutes(119).toMillis());
        assertThat(get("/", session).statusCode()).as("used within 2 h: still signed in").isEqualTo(200);
        clock.addAndGet(Duration.ofMinutes(121).toMillis());
        HttpResponse<String> expired = get("/", session);
        assertThat(expired.statusCode()).isEqualTo(303);
        assertThat(expired.headers().firstValue("Location")).hasValue("/login?next=%2F");

        session = signIn(ADMIN.secret());
        String csrf = value(get("/", session).body(), "csrf");
        assertThat(post("/logout", session, "").statusCode()).as("sign-out needs the CSRF token too").isEqualTo(403);
        assertThat(post("/logout", session, "csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(get("/", session).statusCode()).isEqualTo(303);
    }

    @Test
    void signingInReturnsToThePageAskedForButNeverToAnotherSite() throws Exception {
        HttpResponse<String> asked = get("/players?country=DE", null);
        assertThat(asked.headers().firstValue("Location")).hasValue("/login?next=%2Fplayers%3Fcountry%3DDE");
        HttpResponse<String> form = get(asked.headers().firstValue("Location").orElseThrow(), null);
        assertThat(value(form.body(), "next")).isEqualTo("/players?country=DE");
        String login = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = value(form.body(), "csrf");
        HttpResponse<String> back = post("/login", login, "csrf=" + csrf + "&token=" + ADMIN.secret() + "&next=" + enc("/players?country=DE&sort=first"));
        assertThat(back.headers().firstValue("Location")).hasValue("/players?country=DE&sort=first");
        for (String elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            HttpResponse<String> r = post("/login", login, "csrf=" + csrf + "&token=" + ADMIN.secret() + "&next=" + enc(elsewhere));
            assertThat(r.headers().firstValue("Location")).as(elsewhere).hasValue("/");
        }
    }

    @Test
    void manyIncidentsAreAcknowledgedAtOnce() throws Exception {
        store.write(Rows.Batch.builder().incident(new Rows.Incident("", "inc-3", "service", "arena", "arena", "udp_flood", "low", "again",
                T0 + 100_000, T0 + 130_000, T0 + 130_000, 500, 4_000_000, 10_000, 800_000, 4, false, false, "[]", "[]", null, 0, null)).build());
        String session = signIn(ADMIN.secret());
        String page = get("/incidents", session).body();
        assertThat(page).contains("value=\"inc-1\"").contains("value=\"inc-3\"");
        assertThat(post("/incidents/ack", session, "csrf=" + value(page, "csrf") + "&id=inc-1&id=inc-3&note=both").statusCode()).isEqualTo(303);
        assertThat(store.incident("", "inc-1").orElseThrow().acknowledged()).isTrue();
        assertThat(store.incident("", "inc-3").orElseThrow().acknowledged()).isTrue();
        assertThat(store.notes("", "inc-3")).extracting(Rows.Note::note).containsExactly("both");
    }

    @Test
    void aStoreThatFailsMakesPagesSaySoAndSignInStillWorks() throws Exception {
        netwarden.store.Store failing = (netwarden.store.Store) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {netwarden.store.Store.class}, (proxy, method, args) -> {
                    throw new netwarden.store.StoreException(method.getName(), new java.sql.SQLException("disk full"));
                });
        server.close();
        ApiTokens tokens = new ApiTokens(List.of(ADMIN));
        server = new NetwardenHttpServer(HttpServerConfig.defaults().withListen(new java.net.InetSocketAddress("127.0.0.1", 0)),
                tokens, live::get, new PrometheusRegistry());
        new Console(failing, live::get, tokens, null, false, clock::get).register(server, new PrometheusRegistry());
        server.start();
        String session = signIn(ADMIN.secret());
        HttpResponse<String> page = get("/incidents", session);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("History unavailable");
        assertThat(get("/live/services", session).statusCode()).as("the live table needs no store").isEqualTo(200);
    }

    @Test
    void aOneTimeLinkSignsInOnce() throws Exception {
        String link = console.oneTimeLink(ADMIN);
        HttpResponse<String> first = get(link, null);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(get("/", first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]).statusCode()).isEqualTo(200);
        assertThat(get(link, null).statusCode()).as("used up").isEqualTo(401);
    }

    @Test
    void notesAndReasonsAreEscaped() throws Exception {
        String session = signIn(ADMIN.secret());
        String page = get("/incidents/inc-1", session).body();
        assertThat(page).contains("flood &lt;b&gt;here&lt;/b&gt;").contains("11211");
        String csrf = value(page, "csrf");
        assertThat(post("/incidents/inc-1/ack", session, "csrf=" + csrf + "&note=" + enc("<script>alert(1)</script>")).statusCode()).isEqualTo(303);
        page = get("/incidents/inc-1", session).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(page).contains("by admin");
        assertThat(get("/incidents", session).body()).as("acknowledged: no longer offered for acknowledging").doesNotContain("value=\"inc-1\"");
    }

    @Test
    void anActiveAttackGetsABannerOnTheOverview() throws Exception {
        Incident active = new Incident("inc-2", ScopeKind.SERVICE, "arena", "arena", AttackKind.UDP_FLOOD, "a flood",
                Severity.HIGH, T0 * 1_000_000, 0, 3000, 24_000_000, 5000, 40_000_000, 9000, 900_000, 40, true, false,
                List.of(), List.of(), List.of());
        live.set(new EngineSnapshot(T0 * 1_000_000, List.of(), List.of(), EngineCounters.ZERO, List.of(active),
                netwarden.model.DetectionCounters.ZERO));
        String session = signIn(ADMIN.secret());
        assertThat(get("/", session).body()).contains("class=banner").contains("Attack: udp_flood").contains("href=\"/incidents/inc-2\"");
    }

    @Test
    void theMapShadesCountriesWithPlayers() throws Exception {
        String session = signIn(ADMIN.secret());
        String map = get("/map", session).body();
        assertThat(map).contains(".map #DE{fill:rgba(37,99,235,1.00)}").contains("<path id=\"DE\"");
        assertThat(get("/map?layer=attacks", session).body()).doesNotContain("#DE{fill");
        assertThat(get("/players?country=de", session).body()).contains("198.51.100.7").contains("Alice");
        assertThat(get("/search?q=AS3320", session).body()).contains("198.51.100.7");
    }
}
