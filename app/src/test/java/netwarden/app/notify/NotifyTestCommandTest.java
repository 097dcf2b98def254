package netwarden.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(paths).containsExactly("/hook", "/gone/secret-path", "/api/webhooks/1/tok");
        } finally {
            server.stop(0);
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
