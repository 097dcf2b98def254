package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.FakeDiscord;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.testkit.OpenArena;
import netwarden.testkit.TinyMmdbWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the game says reaches people through {@code run}'s notification routes: a join from the players
 * log (Discord names the player and the country from the GeoIP data, the address masked), then the real
 * OpenArena server stopped ("not answering") and started again on the same port ("answers again").
 */
class GameNotifyRunTest {
    private static final String PLAYER_ADDRESS = "81.2.69.160";

    @TempDir
    Path dir;
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        OpenArena.stop(server);
    }

    @Test
    void aLogJoinThenServerNotAnsweringThenBackAreRoutedToDiscord() throws Exception {
        assumeTrue(OpenArena.installed(), "openarena-server is not installed (Debian package openarena-server)");
        int gamePort = OpenArena.freeUdpPort();
        server = OpenArena.start(dir, gamePort, "notify run", 0);
        // answering before netwarden's first poll: a miss before any answer would be a "not answering" of its own
        assertThat(OpenArena.awaitAnswer(gamePort, 20_000)).as("the server answers getstatus").isTrue();
        Path geoip = Files.createDirectories(dir.resolve("geoip"));
        new TinyMmdbWriter("country ipvAll").insert("81.2.69.0/24", Map.of("country_code", "GB")).write(geoip.resolve("geo-whois-asn-country.mmdb"));
        Path log = dir.resolve("players.log"); // appears after start: read from its start
        try (FakeDiscord discord = new FakeDiscord()) {
            NetwardenConfig c = new ConfigLoader(Map.of("NETWARDEN_API_TOKEN", GameRunTest.TOKEN)).parse("test.yaml", """
                    http: {listen: "127.0.0.1:0"}
                    state: {dir: "%s"}
                    enrich: {enabled: true, data-dir: "%s"}
                    services:
                      - name: oa
                        address: 127.0.0.1
                        port: %d
                        query: quake3
                        query-interval: 1s
                        query-timeout: 500ms
                    sources:
                      gamelog: {path: "%s", service: oa, poll-interval: 100ms}
                    notify:
                      channels: [{name: discord, type: discord, url: "%s"}]
                      routes: [{name: game, kinds: [game_join, server_not_answering, server_back], channels: [discord]}]
                    """.formatted(dir.resolve("state"), geoip, gamePort, log, discord.url()));
            try (LiveRuntime runtime = new LiveRuntime(c, GameRunTest.ticking())) {
                runtime.start();
                int port = runtime.port();
                Http.await(port, "/api/v1/services", GameRunTest.TOKEN, Duration.ofSeconds(10), a -> a.body().contains("\"up\":true"));
                Files.writeString(log, "2026-05-15T19:46:31Z,My Server,join,alice," + PLAYER_ADDRESS + ":27005,cdkey-a,,v1\n");
                assertThat(discord.await(Duration.ofSeconds(10), t -> t.size() >= 1)).containsExactly("🎮 alice joined oa");
                assertThat(discord.bodies().getFirst()).contains("alice", "GB", "81.2.69.x").doesNotContain(PLAYER_ADDRESS, "cdkey-a");
                assertThat(Http.get(port, "/metrics", GameRunTest.TOKEN).body()).contains("netwarden_gamelog_events_total{action=\"join\"} 1.0",
                        "netwarden_gamelog_lines_total 1.0");

                OpenArena.stop(server);
                // within two intervals (1 s each, 0.5 s timeout), with the reason the poll missed
                List<String> titles = discord.await(Duration.ofSeconds(4), t -> t.size() >= 2);
                assertThat(titles).element(1).isEqualTo("❌ oa is not answering");
                assertThat(discord.bodies().get(1)).containsAnyOf("refused", "timeout");
                Http.await(port, "/api/v1/services", GameRunTest.TOKEN, Duration.ofSeconds(3), a -> a.body().contains("\"up\":false"));

                server = OpenArena.start(dir, gamePort, "notify run", 0);
                titles = discord.await(Duration.ofSeconds(20), t -> t.size() >= 3);
                assertThat(titles).containsExactly("🎮 alice joined oa", "❌ oa is not answering", "✅ oa answers again");
                assertThat(discord.bodies().get(2)).contains("0 players");
                Http.await(port, "/metrics", GameRunTest.TOKEN, Duration.ofSeconds(5),
                        a -> a.body().contains("netwarden_notify_sent_total{channel=\"discord\"} 3.0"));
            }
            assertThat(discord.titles()).hasSize(3);
        }
    }
}
