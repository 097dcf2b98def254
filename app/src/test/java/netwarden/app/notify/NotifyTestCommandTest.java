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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotifyTestCommandTest {
    @TempDir
    Path dir;

    private static int run(Map<String, String> env, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NotifyCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getDeclaredConstructor(CliContext.class).newInstance(new CliContext(env));
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
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
    void noChannelsIsAUsageError() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(Map.of(), out, err, "test")).isEqualTo(2);
        assertThat(err.toString()).contains("no channels configured", "NETWARDEN_DISCORD_WEBHOOK");
    }
}
