package netwarden.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.app.CliContext;
import netwarden.app.FakeDiscord;
import netwarden.app.Http;
import netwarden.app.Main;
import org.junit.jupiter.api.Test;

/**
 * {@code netwarden demo --duration 6s}: the URL and token it prints work, it exits 0 by itself, and
 * with {@code NETWARDEN_DISCORD_WEBHOOK} set its events reach Discord (here a local fake).
 */
class DemoCommandTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path state;

    private static final Pattern URL = Pattern.compile("URL: +http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern CONSOLE = Pattern.compile("console: +(http://127\\.0\\.0\\.1:\\d+/login/once\\?code=\\S+)");
    private static final Pattern TOKEN = Pattern.compile("API token: +([0-9a-f]{32})");

    @Test
    void servesSyntheticServicesWithTheFreshTokenAndStopsAfterItsDuration() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        FakeDiscord discord = new FakeDiscord();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute(
                new CliContext(Map.of("NETWARDEN_DISCORD_WEBHOOK", discord.url(), "NETWARDEN_API_TOKEN", "not-the-demo-token-0123")),
                new PrintWriter(out), new PrintWriter(err), "demo", "--listen", "127.0.0.1:0", "--duration", "6s", "--seed", "5",
                "--state-dir", state.toString()));
        // a bound, not a wait: start-up (GeoIP data, store migrations) takes seconds on a loaded machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String text = out.toString();
        while (System.nanoTime() < deadline && !(URL.matcher(text).find() && TOKEN.matcher(text).find())) {
            Thread.sleep(20);
            text = out.toString();
        }
        Matcher url = URL.matcher(text), token = TOKEN.matcher(text);
        assertThat(url.find() && token.find()).as("URL and token printed: " + text + err).isTrue();
        int port = Integer.parseInt(url.group(1));
        String secret = token.group(1);

        Http.Answer services = Http.await(port, "/api/v1/services", secret, Duration.ofSeconds(5),
                a -> a.status() == 200 && a.body().contains("\"pps\":") && !a.body().contains("\"pps\":null"));
        JsonNode list = new ObjectMapper().readTree(services.body()).get("services");
        assertThat(list).hasSize(3);
        assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrder("arena", "source", "blocks");
        assertThat(list.findValuesAsText("connect")).contains("connect 192.0.2.10:27960");
        assertThat(Http.get(port, "/api/v1/services", null).status()).isEqualTo(401);
        // the console's one-time sign-in link works once
        Matcher link = CONSOLE.matcher(text);
        assertThat(link.find()).as("console link printed: " + text).isTrue();
        var client = java.net.http.HttpClient.newHttpClient();
        var once = java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.group(1))).build();
        var signedIn = client.send(once, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("nw_session="));
        assertThat(client.send(once, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("used up").isEqualTo(401);
        assertThat(Http.get(port, "/metrics", secret).body()).contains("netwarden_service_packets_total{");

        assertThat(exit.get(20, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("synthetic traffic for 3 game servers (seed 5)")
                .contains("each ended one is saved to " + state.resolve("incidents"));
        assertThat(state.resolve("baselines.json")).isRegularFile();
        assertThat(out.toString()).contains("notify:     discord (discord)");
        // Seed 5 has players joining within the 6 s; close() delivered what was queued before exit.
        assertThat(discord.titles()).isNotEmpty().allMatch(t -> t.contains("Player joined") || t.contains("Player left"));
        discord.close();
        // The demo fills the embedded store in its state dir.
        try (netwarden.store.DuckDbStore store = new netwarden.store.DuckDbStore(state.resolve("netwarden.duckdb"))) {
            store.start();
            assertThat(store.events(new netwarden.store.Queries.Events("player_joined", null, 0, Long.MAX_VALUE, 100))).isNotEmpty();
            assertThat(store.count(netwarden.store.Table.SESSIONS)).isPositive();
            assertThat(store.count(netwarden.store.Table.ROLLUP_1S)).isPositive();
        }
    }
}
