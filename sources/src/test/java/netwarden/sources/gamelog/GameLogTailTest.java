package netwarden.sources.gamelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tail polled by hand (no thread): partial lines, bookmarks, truncation, bad rows, a 1 GB log, hashes. */
class GameLogTailTest {
    static final String SALT = "0123456789abcdef-test-salt";
    @TempDir Path dir;
    final FakeClock clock = new FakeClock();
    final List<GameLogEvent> events = new CopyOnWriteArrayList<>();
    private GameLogTail tail;

    Path log() { return dir.resolve("players.log"); }

    static String join(String name, String hash) {
        return "2026-05-15T19:46:31Z,My Server,join," + name + ",203.0.113.4:51234," + hash + ",,v1\n";
    }

    static String leave(String name, String hash) {
        return "2026-05-15T19:48:12Z,My Server,leave," + name + ",203.0.113.4:51234," + hash + ",,v1\n";
    }

    static void append(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    GameLogTail tail(GameLogConfig c) {
        if (tail != null) tail.close();
        tail = new GameLogTail(c, events::add, clock);
        return tail;
    }

    GameLogTail tail() {
        return tail(GameLogConfig.defaults(log()).withFromStart(true).withHashSalt(SALT));
    }

    @AfterEach
    void close() {
        if (tail != null) tail.close();
    }

    @Test
    void aPartialLineIsReadOnlyOnceItsNewlineArrives() throws IOException {
        append(log(), join("alice", "h1") + "2026-05-15T19:46:32Z,My Server,join,bo");
        tail().pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("alice");
        tail.pollOnce();
        assertThat(events).hasSize(1);
        append(log(), "bby,203.0.113.5,h2,,v1\n");
        tail.pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("alice", "bobby");
        assertThat(tail.counters().skipped(GameLogCounters.BAD)).isZero();
    }

    @Test
    void restartsFromTheBookmarkWithoutAnnouncingAgain() throws IOException {
        append(log(), join("alice", "h1") + join("bob", "h2"));
        tail().pollOnce();
        tail.close();
        assertThat(events).hasSize(2);
        assertThat(Files.readString(GameLogConfig.defaults(log()).bookmark())).doesNotContain("h1", "h2");

        append(log(), leave("alice", "h1"));
        events.clear();
        tail().pollOnce();
        assertThat(tail.counters().resumes()).isEqualTo(1);
        // alice's join was read before the restart; her leave pairs with it (the roster was in the bookmark)
        assertThat(events).extracting(GameLogEvent::action, GameLogEvent::playerName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GameLogAction.LEAVE, "alice"));
        tail.pollOnce();
        assertThat(events).hasSize(1);
    }

    @Test
    void copyTruncateRewrittenPastTheOldSizeIsReadAgainFromItsStart() throws IOException {
        append(log(), join("a", "h") + join("b", "h"));
        tail().pollOnce();
        long before = Files.size(log());
        try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        append(log(), join("carol-with-a-long-name", "h") + join("dave-with-a-long-name", "h") + join("erin", "h"));
        assertThat(Files.size(log())).isGreaterThan(before);
        tail.pollOnce();
        assertThat(tail.counters().truncations()).isEqualTo(1);
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("a", "b", "carol-with-a-long-name", "dave-with-a-long-name", "erin");
    }

    @Test
    void badRowsAreCountedAndSkipped() throws IOException {
        append(log(), "garbage\n" + "2026-05-15T19:46:31Z,S,join,Bad,Name,203.0.113.4:1,h,,v1\n" + "\u0000\u0001\u00ff\n\n"
                + "2026-05-15T19:46:31Z,S,teamchange,p,203.0.113.4:1,h,,v1\n" + leave("ghost", "h") + join("ok", "h"));
        tail().pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("ok");
        assertThat(tail.counters().skipped()).containsEntry(GameLogCounters.BAD, 3L).containsEntry(GameLogCounters.IGNORED, 2L)
                .containsEntry(GameLogCounters.ORPHAN_LEAVE, 1L);
        assertThat(tail.counters().lines()).isEqualTo(7);
    }

    @Test
    void overlongLinesAreSkippedWhole() throws IOException {
        append(log(), "x".repeat(100_000) + "\n" + join("after", "h"));
        tail().pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("after");
        assertThat(tail.counters().skipped(GameLogCounters.TOO_LONG)).isEqualTo(1);
    }

    @Test
    void aOneGigabyteLogStartsAtItsEnd() throws IOException {
        String last = join("history", "h");
        try (RandomAccessFile f = new RandomAccessFile(log().toFile(), "rw")) {
            f.setLength((1L << 30) - last.length()); // sparse: no gigabyte is written
            f.seek(f.length());
            f.write(last.getBytes(StandardCharsets.UTF_8));
        }
        tail().pollOnce();
        assertThat(events).isEmpty();
        append(log(), join("new", "h"));
        tail.pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("new");
        assertThat(tail.counters().bytes()).isLessThan(1 << 20);
        assertThat(tail.counters().skipped()).containsEntry(GameLogCounters.BAD, 0L).containsEntry(GameLogCounters.TOO_LONG, 0L);
    }

    @Test
    void startingMidLineSkipsTheRestOfItQuietly() throws IOException {
        append(log(), join("old", "h") + "2026-05-15T19:46:31Z,My Server,join,hal");
        tail(GameLogConfig.defaults(log())).pollOnce();
        append(log(), "f,203.0.113.4,h,,v1\n" + join("whole", "h"));
        tail.pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("whole");
        assertThat(tail.counters().skipped(GameLogCounters.TOO_LONG) + tail.counters().skipped(GameLogCounters.BAD)).isZero();
    }

    @Test
    void hashesLeaveOnlyAsASaltedId() throws IOException {
        append(log(), join("alice", "CDKEY-SECRET-1"));
        tail().pollOnce();
        GameLogEvent e = events.getFirst();
        assertThat(e.playerId()).hasSize(16).isNotEqualTo("CDKEY-SECRET-1");
        assertThat(e.toString()).doesNotContain("CDKEY-SECRET-1");
        assertThat(Files.readString(tail.config().bookmark())).doesNotContain("CDKEY-SECRET-1");
        tail.close();

        Path other = dir.resolve("other.log");
        append(other, join("alice", "CDKEY-SECRET-1"));
        events.clear();
        tail(GameLogConfig.defaults(other).withFromStart(true)).pollOnce();
        assertThat(events.getFirst().playerId()).as("no salt, no id").isNull();
    }

    @Test
    void aServerStartEndsItsPlayersSessions() throws IOException {
        append(log(), join("alice", "h1") + join("bob", "h2") + "2026-05-15T19:23:41Z,Other,join,carol,203.0.113.9,h3,,v1\n"
                + "2026-05-15T20:00:00Z,My Server,startup,,,,,v1\n" + leave("alice", "h1"));
        tail().pollOnce();
        assertThat(events).extracting(GameLogEvent::action, GameLogEvent::playerName, GameLogEvent::implied).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GameLogAction.JOIN, "alice", false),
                org.assertj.core.groups.Tuple.tuple(GameLogAction.JOIN, "bob", false),
                org.assertj.core.groups.Tuple.tuple(GameLogAction.JOIN, "carol", false),
                org.assertj.core.groups.Tuple.tuple(GameLogAction.LEAVE, "alice", true),
                org.assertj.core.groups.Tuple.tuple(GameLogAction.LEAVE, "bob", true),
                org.assertj.core.groups.Tuple.tuple(GameLogAction.STARTUP, null, false));
        assertThat(tail.counters().skipped(GameLogCounters.ORPHAN_LEAVE)).isEqualTo(1);
    }

    @Test
    void aMissingLogIsWaitedForAndReadFromItsStart() throws IOException {
        tail(GameLogConfig.defaults(log())).pollOnce();
        tail.pollOnce();
        assertThat(events).isEmpty();
        append(log(), join("first", "h"));
        tail.pollOnce();
        assertThat(events).extracting(GameLogEvent::playerName).containsExactly("first");
    }

    @Test
    void rateLimitedWarningHoldsBackRepeats() {
        RateLimitedWarning w = new RateLimitedWarning(org.slf4j.LoggerFactory.getLogger("test"), clock, Duration.ofMinutes(1));
        assertThat(w.warn("a")).isTrue();
        assertThat(w.warn("b")).isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(w.warn("c")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(w.warn("d")).isTrue();
    }

    @Test
    void configIsValidated() {
        GameLogConfig d = GameLogConfig.defaults(log());
        assertThat(d.bookmark()).isEqualTo(dir.resolve("players.log.netwarden-pos"));
        assertThatThrownBy(() -> d.withHashSalt("short")).hasMessageContaining("game-log.hash-salt");
        assertThatThrownBy(() -> new GameLogConfig(log(), List.of(), log(), Duration.ofSeconds(1), false, 0, null, 8192))
                .hasMessageContaining("game-log.bookmark");
        assertThatThrownBy(() -> new GameLogConfig(log(), List.of(), d.bookmark(), Duration.ofMillis(1), false, 0, null, 8192))
                .hasMessageContaining("game-log.poll-interval");
    }

    @Test
    void bookmarkTextRoundTripsAndRejectsJunk() {
        Bookmark b = new Bookmark(120, "(dev=803,ino=42)", 60, 0xCAFEL, List.of(new Roster.Entry("My Server", "a b%c", "00ff")));
        assertThat(Bookmark.parse(b.format())).isEqualTo(b);
        assertThat(Bookmark.parse("junk")).isNull();
        assertThat(Bookmark.parse(b.format().replace("offset 120", "offset -5"))).isNull();
        assertThat(Bookmark.parse(b.format().replace("offset 120", "offset 10"))).as("last line longer than offset").isNull();
    }
}
