package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netwarden.app.FakeDiscord;
import netwarden.app.GameCapture;
import netwarden.app.Http;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.config.ReplaySpeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-line setup end to end: {@code NETWARDEN_DISCORD_WEBHOOK} set, {@code run --pcap} of a game
 * capture, and every event reaches a local fake Discord once, in order, with player addresses masked;
 * an Alertmanager alert posted to the receiver goes the same way.
 */
class NotifyRunTest {
    private static final String TOKEN = "notify-run-token-0123456789";
    private static final String ALERT = """
            {"receiver":"netwarden","status":"firing","alerts":[
              {"status":"firing","labels":{"alertname":"NetwardenAttackActive","service":"10.0.0.1-udp-27960","severity":"critical"},
               "annotations":{"summary":"udp_flood"},"startsAt":"2026-03-01T12:00:01Z","endsAt":"0001-01-01T00:00:00Z",
               "generatorURL":"","fingerprint":"a1b2c3d4e5f60718"}],
             "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://127.0.0.1:9093",
             "version":"4","groupKey":"{}:{}","truncatedAlerts":0}
            """;

    @TempDir
    Path dir;

    @Test
    void everyEventOfARunReachesTheDiscordWebhookFromTheEnvironment() throws Exception {
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        try (FakeDiscord discord = new FakeDiscord()) {
            NetwardenConfig config = LiveRuntimeTest.parseRun(Map.of("NETWARDEN_DISCORD_WEBHOOK", discord.url(), "NETWARDEN_API_TOKEN", TOKEN,
                    "XDG_STATE_HOME", dir.toString(), "XDG_CACHE_HOME", dir.toString()),
                    "run", "--pcap", pcap.toString(), "--speed", "max", "--listen", "127.0.0.1:0");
            assertThat(config.notifications().channels()).extracting(c -> c.name()).containsExactly("discord");
            try (LiveRuntime runtime = new LiveRuntime(config, new FileFeed(pcap, ReplaySpeed.MAX))) {
                runtime.start();
                assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(20))).isTrue();
                List<String> titles = discord.await(Duration.ofSeconds(10), t -> t.size() >= 4);
                assertThat(titles).containsExactly("New service discovered: udp 10.0.0.1:27960",
                        "Player joined 10.0.0.1-udp-27960", "Player joined 10.0.0.1-udp-27960", "Player left 10.0.0.1-udp-27960");
                assertThat(String.join("\n", discord.bodies())).contains("10.0.0.x#")
                        .doesNotContain(GameCapture.ALICE, GameCapture.BOB, "secret-webhook-token");

                Http.Answer received = Http.post(runtime.port(), "/api/v1/alerts/alertmanager", TOKEN, ALERT);
                assertThat(received.status()).as(received.body()).isEqualTo(200);
                assertThat(discord.await(Duration.ofSeconds(10), t -> t.size() >= 5).get(4))
                        .isEqualTo("🔔 [FIRING] NetwardenAttackActive on 10.0.0.1-udp-27960");

                // The channel counts a notice once Discord's answer is read, just after Discord has it.
                String metrics = Http.await(runtime.port(), "/metrics", TOKEN, Duration.ofSeconds(10),
                        a -> a.body().contains("netwarden_notify_sent_total{channel=\"discord\"} 5.0")).body();
                assertThat(metrics).contains("netwarden_notify_sent_total{channel=\"discord\"} 5.0",
                        "netwarden_notify_failed_total{channel=\"discord\"} 0.0", "netwarden_sink_dropped_total{sink=\"notify\"} 0.0",
                        "netwarden_sink_dropped_total{sink=\"notify/discord\"} 0.0",
                        "netwarden_alertmanager_alerts_received_total{status=\"firing\"} 1.0",
                        "netwarden_players_by_country{country=\"private\"} 1.0");
            }
            assertThat(discord.titles()).hasSize(5); // nothing sent twice at shutdown
        }
    }
}
