package netwarden.sources.query;

import netwarden.testkit.OpenArena;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.model.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenArena dedicated server from Debian (package openarena-server) on loopback, with three
 * bots: the poller reports the players the server itself lists, then "not answering" within two
 * intervals of the server stopping.
 */
class OpenArenaQueryTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Pattern USERINFO = Pattern.compile("ClientUserinfoChanged: (\\d+) n\\\\([^\\\\]*)\\\\");

    @TempDir Path home;
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        OpenArena.stop(server);
    }

    @Test
    void reportsTheBotsTheServerListsThenNotAnsweringAfterItStops() throws Exception {
        assumeTrue(OpenArena.installed(), "openarena-server is not installed (Debian package openarena-server)");
        int port = OpenArena.freeUdpPort();
        Path console = OpenArena.console(home);
        server = OpenArena.start(home, port, "^1netwarden ^7test", 3);

        // The server adds bots one by one; wait (bounded) until its own status lists three.
        List<String> raw = List.of();
        for (int i = 0; i < 120 && raw.size() < 3; i++) {
            assertThat(server.isAlive()).as("server exited early:\n%s", tail(console)).isTrue();
            raw = OpenArena.playerNames(port);
            if (raw.size() < 3) Thread.sleep(500);
        }
        assertThat(raw).as("raw getstatus players; console:\n%s", tail(console)).hasSize(3);

        RecordingListener listener = new RecordingListener();
        QueryConfig config = new QueryConfig("oa", QueryProtocol.QUAKE3, "127.0.0.1", port, INTERVAL, Duration.ofMillis(500));
        try (QueryPoller poller = new QueryPoller(config, listener, Clock.SYSTEM)) {
            poller.start();
            RecordingListener.Seen first = listener.next("answered", 5_000);
            assertThat(first).isNotNull();
            QueryResult r = first.result();
            assertThat(r.players()).isEqualTo(3);
            assertThat(r.maxPlayers()).isEqualTo(8);
            assertThat(r.map()).isEqualTo("oa_dm1");
            assertThat(r.name()).isEqualTo("netwarden test");
            assertThat(r.rttNanos()).isPositive().isLessThan(Duration.ofMillis(500).toNanos());
            assertThat(new TreeSet<>(r.playerNames())).isEqualTo(new TreeSet<>(raw)).isEqualTo(consoleNames(console));
            assertThat(r.playerList()).allSatisfy(p -> assertThat(p.ping()).isNotNull());
            assertThat(poller.localAddress().getPort()).isPositive();
            assertThat(poller.state().up()).isTrue();

            server.destroy(); // SIGTERM to our own PID only
            assertThat(server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long stopped = System.nanoTime();
            RecordingListener.Seen down = listener.next("not-answering", 2 * INTERVAL.toMillis() + 1_000);
            assertThat(down).as("not answering event").isNotNull();
            assertThat(down.monotonicNanos() - stopped).isLessThanOrEqualTo(2 * INTERVAL.toNanos());
            assertThat(down.reason()).isIn(QueryCounters.REFUSED, QueryCounters.TIMEOUT);
            assertThat(poller.state().up()).isFalse();
            assertThat(poller.state().last().players()).isEqualTo(3);
            assertThat(poller.counters().answers()).isGreaterThanOrEqualTo(1);
        }
    }

    /** The names the server's console announced for the clients still in its status (colour codes removed). */
    private static Set<String> consoleNames(Path console) throws IOException {
        var byClient = new java.util.TreeMap<Integer, String>();
        Matcher m = USERINFO.matcher(Files.readString(console));
        while (m.find()) byClient.put(Integer.parseInt(m.group(1)), Quake3Status.stripColours(m.group(2)));
        return new TreeSet<>(byClient.values());
    }

    /** A second, independent getstatus: plain socket, names parsed with a regex, not with the decoder under test. */

    private static String tail(Path console) {
        try {
            String s = Files.readString(console);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
