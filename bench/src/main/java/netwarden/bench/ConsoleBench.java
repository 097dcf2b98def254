package netwarden.bench;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import netwarden.console.Console;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.HttpServerConfig;
import netwarden.server.NetwardenHttpServer;
import netwarden.store.Queries;
import netwarden.store.Store;
import netwarden.store.StoreConfig;
import netwarden.store.Stores;

/**
 * The console's page times over {@link StoreBench}'s history (30 days of rollups for 50 services, per-source
 * minutes, sessions, incidents): each page requested {@code runs} times over loopback HTTP by a signed-in
 * client, p50/p95 printed. The figure is the whole round trip, so an upper bound of the server time.
 * Usage: {@code java -cp bench/target/classes:$(cat bench/target/cp.txt) netwarden.bench.ConsoleBench DIR
 * [--services 50] [--days 30] [--source-rows 10000000] [--runs 50] [--reuse (DIR holds StoreBench's data set)]}
 */
public final class ConsoleBench {
    private static final ApiToken TOKEN = new ApiToken("bench", "console-bench-token-0123456789", true);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int services = Integer.parseInt(StoreBench.opt(args, "--services", "50"));
        int days = Integer.parseInt(StoreBench.opt(args, "--days", "30"));
        long sourceRows = Long.parseLong(StoreBench.opt(args, "--source-rows", "10000000"));
        int runs = Integer.parseInt(StoreBench.opt(args, "--runs", "50"));
        boolean reuse = List.of(args).contains("--reuse");
        Files.createDirectories(dir);
        if (!reuse) Files.deleteIfExists(dir.resolve("netwarden.duckdb"));
        try (Store store = Stores.open(StoreConfig.defaults(), dir)) {
            store.start();
            if (!reuse) StoreBench.load(store, services, days, sourceRows, dir.resolve("netwarden.duckdb"));
            // "now" is the data set's own: the pages' ranges end where its history ends
            EngineSnapshot live = new EngineSnapshot(StoreBench.NOW * 1_000_000_000L, List.of(), List.of(), EngineCounters.ZERO);
            ApiTokens tokens = new ApiTokens(List.of(TOKEN));
            NetwardenHttpServer server = new NetwardenHttpServer(HttpServerConfig.defaults().withListen(new InetSocketAddress("127.0.0.1", 0)),
                    tokens, () -> live, new PrometheusRegistry());
            Console console = new Console(store, () -> live, tokens, null, false, System::currentTimeMillis);
            console.register(server, new PrometheusRegistry());
            server.start();
            try {
                pages(store, server.port(), console, runs);
            } finally {
                server.close();
            }
        }
    }

    static void pages(Store store, int port, Console console, int runs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<Void> signIn = http.send(HttpRequest.newBuilder(URI.create(base + console.oneTimeLink(TOKEN))).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String incident = store.incidents(new Queries.Incidents(null, null, null, null, 0, Long.MAX_VALUE, 1)).getFirst().id();
        SplittableRandom r = new SplittableRandom(4);
        String[][] pages = {
            {"overview", "/"},
            {"service, 1 h", "/services/svc%d?range=1h"},
            {"service, 30 d", "/services/svc%d?range=30d"},
            {"players, all", "/players"},
            {"players of a service, 24 h", "/players?service=svc%d&range=24h"},
            {"incidents, all", "/incidents"},
            {"incident", "/incidents/" + URLEncoder.encode(incident, StandardCharsets.UTF_8).replace("+", "%20")},
            {"search address (player), all time", "/search?q=" + StoreBench.addr(200 + 7)},
            {"search /16, all time", "/search?q=" + URLEncoder.encode(StoreBench.prefix(12345, 16), StandardCharsets.UTF_8)},
            {"search ASN, all time", "/search?q=AS" + StoreBench.asn(12345)},
            {"map of players", "/map"},
            {"map of attack sources", "/map?layer=attacks"},
        };
        for (String[] p : pages) {
            StoreBench.time(p[0], runs, () -> {
                try {
                    String path = p[1].contains("%d") ? p[1].formatted(r.nextInt(50)) : p[1];
                    HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (a.statusCode() != 200) throw new IllegalStateException(path + " answered " + a.statusCode());
                    return a.body().length();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
