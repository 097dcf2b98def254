package netwarden.sources.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;

/** The poller against fixture servers, one poll at a time ({@link QueryPoller#pollOnce()}), no thread, no sleeps. */
class QueryPollerTest {
    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();

    private QueryPoller poller(QueryProtocol p, int port) throws Exception {
        QueryPoller q = new QueryPoller(new QueryConfig("svc", p, "127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(1)),
                listener, clock);
        assertThat(q.localAddress()).as("inert constructor").isNull();
        q.open();
        return q;
    }

    @Test
    void a2sThroughChallengeAndSplitAnswers() throws Exception {
        try (A2sFixture server = new A2sFixture(); QueryPoller q = poller(QueryProtocol.A2S, server.port())) {
            server.splitSize = 9; // the player answer comes in 4 parts, last part first
            QueryResult r = q.pollOnce();
            assertThat(r).isNotNull();
            assertThat(r.players()).isEqualTo(3);
            assertThat(r.bots()).isEqualTo(1);
            assertThat(r.maxPlayers()).isEqualTo(16);
            assertThat(r.map()).isEqualTo("de_dust2");
            assertThat(r.name()).isEqualTo("My CS2 Server");
            assertThat(r.playerList()).extracting(QueryPlayer::name, QueryPlayer::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", 10), org.assertj.core.groups.Tuple.tuple("bob", 11),
                            org.assertj.core.groups.Tuple.tuple("carol", 12));
            assertThat(r.atNanos()).isEqualTo(clock.nanos());
            assertThat(q.counters().challenges()).isEqualTo(2);
            assertThat(q.counters().splitParts()).isGreaterThanOrEqualTo(4);
            assertThat(q.counters().packetsSent()).isEqualTo(4);

            server.challenge = false;
            server.splitSize = 0;
            assertThat(q.pollOnce().playerNames()).containsExactly("alice", "bob", "carol");
            // every request of both polls left from the one port the poller exposes
            assertThat(server.clientPorts).hasSize(6).containsOnly(q.localAddress().getPort());
            assertThat(listener.events).extracting(RecordingListener.Seen::kind).containsExactly("answered", "answered");
        }
    }

    @Test
    void a2sGoldSourceSplitAnswers() throws Exception {
        try (A2sFixture server = new A2sFixture(); QueryPoller q = poller(QueryProtocol.A2S, server.port())) {
            server.goldSource = true;
            server.splitSize = 9; // the player answer in 4 GoldSource parts, last part first
            QueryResult r = q.pollOnce();
            assertThat(r).as("misses %s", q.counters().misses()).isNotNull();
            assertThat(r.playerNames()).containsExactly("alice", "bob", "carol");
            assertThat(q.counters().splitParts()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void a2sSilenceIsNotAnsweringOnceThenBack() throws Exception {
        try (A2sFixture server = new A2sFixture(); QueryPoller q = poller(QueryProtocol.A2S, server.port())) {
            assertThat(q.pollOnce()).isNotNull();
            server.mode = A2sFixture.Mode.SILENT;
            clock.advance(Duration.ofSeconds(5));
            assertThat(q.pollOnce()).isNull();
            assertThat(q.pollOnce()).isNull();
            assertThat(q.counters().misses(QueryCounters.TIMEOUT)).isEqualTo(2);
            assertThat(q.state().up()).isFalse();
            assertThat(q.state().sinceNanos()).isEqualTo(clock.nanos());
            server.mode = A2sFixture.Mode.NORMAL;
            clock.advance(Duration.ofSeconds(5));
            assertThat(q.pollOnce()).isNotNull();
            assertThat(listener.events).extracting(RecordingListener.Seen::kind)
                    .containsExactly("answered", "not-answering", "answered", "back");
            assertThat(listener.events).filteredOn(e -> e.kind().equals("not-answering")).first()
                    .extracting(RecordingListener.Seen::reason).isEqualTo(QueryCounters.TIMEOUT);
            assertThat(q.state()).extracting(QueryPoller.State::up, QueryPoller.State::sinceNanos).containsExactly(true, clock.nanos());
        }
    }

    @Test
    void a2sBadAnswersAreCountedMisses() throws Exception {
        try (A2sFixture server = new A2sFixture(); QueryPoller q = poller(QueryProtocol.A2S, server.port())) {
            server.mode = A2sFixture.Mode.GARBAGE;
            assertThat(q.pollOnce()).isNull();
            server.mode = A2sFixture.Mode.TRUNCATED;
            assertThat(q.pollOnce()).isNull();
            server.mode = A2sFixture.Mode.COMPRESSED;
            assertThat(q.pollOnce()).isNull();
            assertThat(q.counters().misses()).containsEntry(QueryCounters.MALFORMED, 2L).containsEntry(QueryCounters.COMPRESSED, 1L);
            assertThat(listener.events).extracting(RecordingListener.Seen::kind).containsExactly("not-answering");
        }
    }

    @Test
    void aClosedPortIsRefusedNotSlow() throws Exception {
        A2sFixture server = new A2sFixture();
        int port = server.port();
        server.close();
        try (QueryPoller q = poller(QueryProtocol.QUAKE3, port)) {
            assertThat(q.pollOnce()).isNull();
            assertThat(q.counters().misses(QueryCounters.REFUSED) + q.counters().misses(QueryCounters.TIMEOUT)).isEqualTo(1);
        }
    }

    @Test
    void quake3SkipsAnAnswerEchoingAnotherChallenge() throws Exception {
        try (var server = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
             QueryPoller q = poller(QueryProtocol.QUAKE3, server.getLocalPort())) {
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                try {
                    var p = new java.net.DatagramPacket(new byte[64], 64);
                    server.receive(p);
                    String challenge = new String(p.getData(), 14, p.getLength() - 14, java.nio.charset.StandardCharsets.US_ASCII);
                    for (String c : new String[] {"00000000", challenge}) { // a late answer to an older poll, then ours
                        byte[] a = Quake3StatusTest.bytes(Quake3StatusTest.ANSWER.replace("c0ffee01", c));
                        server.send(new java.net.DatagramPacket(a, a.length, p.getSocketAddress()));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            QueryResult r = q.pollOnce();
            t.join(2000);
            assertThat(r).isNotNull();
            assertThat(r.playerNames()).containsExactly("Dark", "Green \\\"q\\\"");
            assertThat(q.counters().stale()).isEqualTo(1);
        }
    }

    @Test
    void minecraftFromOneLocalPort() throws Exception {
        try (MinecraftFixture server = new MinecraftFixture(); QueryPoller q = poller(QueryProtocol.MINECRAFT, server.port())) {
            for (int i = 0; i < 3; i++) {
                QueryResult r = q.pollOnce();
                assertThat(r).as("poll %d, misses %s", i, q.counters().misses()).isNotNull();
                assertThat(r.players()).isEqualTo(5);
                assertThat(r.playerNames()).containsExactly("thinkofdeath", "jeb_");
                assertThat(r.name()).isEqualTo("Hello world");
            }
            assertThat(server.problems).isEmpty();
            assertThat(server.clientPorts).hasSize(3).containsOnly(q.localAddress().getPort());
            assertThat(q.counters().answers()).isEqualTo(3);
        }
    }

    @Test
    void minecraftTimeoutsAndBadAnswers() throws Exception {
        try (MinecraftFixture server = new MinecraftFixture(); QueryPoller q = poller(QueryProtocol.MINECRAFT, server.port())) {
            server.mode = MinecraftFixture.Mode.SILENT;
            assertThat(q.pollOnce()).isNull();
            server.mode = MinecraftFixture.Mode.CLOSE_EARLY;
            assertThat(q.pollOnce()).isNull();
            server.mode = MinecraftFixture.Mode.GARBAGE;
            assertThat(q.pollOnce()).isNull();
            server.mode = MinecraftFixture.Mode.NORMAL;
            server.json = "{\"players\":{\"online\":0,\"max\":20},\"description\":\"x\"}";
            assertThat(q.pollOnce().players()).isZero();
            assertThat(q.counters().misses()).containsEntry(QueryCounters.TIMEOUT, 1L).containsEntry(QueryCounters.MALFORMED, 2L);
            assertThat(listener.events).extracting(RecordingListener.Seen::kind).containsExactly("not-answering", "answered", "back");
        }
    }

    @Test
    void aThrowingListenerIsCountedAndPollingGoesOn() throws Exception {
        try (A2sFixture server = new A2sFixture();
             QueryPoller q = new QueryPoller(new QueryConfig("svc", QueryProtocol.A2S, "127.0.0.1", server.port(),
                     Duration.ofSeconds(1), Duration.ofMillis(300)), new QueryListener() {
                         public void answered(QueryResult r) { throw new IllegalStateException("boom"); }
                         public void notAnswering(String s, long t, String r) {}
                         public void back(String s, long t, QueryResult r) {}
                     }, clock)) {
            q.open();
            assertThat(q.pollOnce()).isNotNull();
            assertThat(q.pollOnce()).isNotNull();
            assertThat(q.counters().listenerErrors()).isEqualTo(2);
        }
    }

    @Test
    void configIsValidatedWithTheKeyInTheMessage() {
        assertThat(QueryConfig.defaults("s", QueryProtocol.A2S, "h", 27015).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> QueryConfig.defaults("s", QueryProtocol.A2S, "h", 0)).hasMessageContaining("query-port");
        assertThatThrownBy(() -> QueryConfig.defaults("s", QueryProtocol.A2S, " ", 1)).hasMessageContaining("query-host");
        assertThatThrownBy(() -> QueryConfig.defaults("s", QueryProtocol.A2S, "h", 1).withTiming(Duration.ofMillis(500), Duration.ofMillis(100)))
                .hasMessageContaining("query-interval");
        assertThatThrownBy(() -> QueryConfig.defaults("s", QueryProtocol.A2S, "h", 1).withTiming(Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .hasMessageContaining("query-timeout");
        assertThat(QueryProtocol.parse("minecraft")).isEqualTo(QueryProtocol.MINECRAFT);
        assertThatThrownBy(() -> QueryProtocol.parse("gamespy")).hasMessageContaining("quake3, a2s or minecraft");
    }
}
