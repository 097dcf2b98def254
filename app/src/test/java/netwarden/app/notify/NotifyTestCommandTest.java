package netwarden.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.app.CliContext;
import netwarden.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netwarden notify test}: one test message per channel, each result reported. */
class NotifyTestCommandTest {
    @TempDir
    Path dir;

    private static int run(Map<String, String> env, StringWriter out, StringWriter err, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "notify";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(new CliContext(env), new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void sendsATestMessageToEveryChannelAndReportsEach() throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getPath());
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().contains("gone") ? 404 : 204, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path config = dir.resolve("c.yaml");
            Files.writeString(config, "notify:\n  channels:\n    - {name: hook, type: webhook, url: '" + base + "/hook'}\n"
                    + "    - {name: old, type: slack, url: '" + base + "/gone/secret-path'}\n");
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = run(Map.of("NETWARDEN_DISCORD_WEBHOOK", base + "/api/webhooks/1/tok"), out, err, "test", "--config", config.toString());
            assertThat(code).isEqualTo(1);
            assertThat(out.toString()).contains("hook (webhook): sent", "old (slack): FAILED after 1 attempt(s)", "HTTP 404",
                    "discord (discord): sent", "1 of 3 channel(s) failed").doesNotContain("secret-path", "/tok");
            assertThat(paths).as("one try each, in parallel").containsExactlyInAnyOrder("/hook", "/gone/secret-path", "/api/webhooks/1/tok");
            assertThat(out.toString().indexOf("hook (webhook)")).as("reported in config order")
                    .isLessThan(out.toString().indexOf("old (slack)")).isLessThan(out.toString().indexOf("discord (discord)"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableChannelsGetOneTryEachInParallelWithAShortLimit() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once closed: connection refused
        }
        // Accepts connections (the backlog does) and never answers a byte.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String mute = "http://127.0.0.1:" + silent.getLocalPort();
            Path config = Files.writeString(dir.resolve("c.yaml"), "notify:\n  channels:\n"
                    + "    - {name: refused, type: webhook, url: 'http://127.0.0.1:" + closed + "/hook'}\n"
                    + "    - {name: mute, type: slack, url: '" + mute + "/services/T/B/x'}\n"
                    + "    - {name: mute2, type: webhook, url: '" + mute + "/hook'}\n");
            StringWriter out = new StringWriter(), err = new StringWriter();
            long start = System.nanoTime();
            int code = run(Map.of("NETWARDEN_DISCORD_WEBHOOK", "http://127.0.0.1:" + closed + "/api/webhooks/1/tok"), out, err,
                    "test", "--config", config.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(code).isEqualTo(1);
            assertThat(out.toString()).contains("refused (webhook): FAILED after 1 attempt(s)", "discord (discord): FAILED after 1 attempt(s)",
                    "mute (slack): FAILED: no answer within 5 s", "mute2 (webhook): FAILED: no answer within 5 s", "4 of 4 channel(s) failed");
            // A loose bound, not a speed claim: retried one after the other (5 tries, 10 s timeouts) this took over a minute.
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aBadConfigIsReportedAtItsLineByTheMainLoader() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "notify:\n  channels:\n    - {name: a, type: discord, url: x, hots: y}\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(Map.of(), out, err, "test", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(config + ":3:").contains("unknown key 'notify.channels[0].hots'");
        Files.writeString(config, "http:\n  listn: 127.0.0.1:9420\n");
        err.getBuffer().setLength(0);
        assertThat(run(Map.of(), out, err, "test", "--config", config.toString())).as("the whole file is checked").isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'http.listn'");
    }

    @Test
    void noChannelsIsAUsageError() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(Map.of(), out, err, "test")).isEqualTo(2);
        assertThat(err.toString()).contains("no channels configured", "NETWARDEN_DISCORD_WEBHOOK");
    }
}
