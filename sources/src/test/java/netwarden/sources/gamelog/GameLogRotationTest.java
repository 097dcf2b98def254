package netwarden.sources.gamelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import netwarden.model.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tail's own thread against a writer that keeps writing while the log is rotated, the way
 * logrotate does it: by rename (the writer goes on into the renamed file for a while, then reopens),
 * and by copy-truncate. Every row must arrive once, in order, never cut.
 */
class GameLogRotationTest {
    static final int LINES = 3000, EVERY = 500;
    @TempDir Path dir;
    final List<GameLogEvent> events = new CopyOnWriteArrayList<>();

    static byte[] row(int i) {
        return ("2026-05-15T19:49:01Z,My Server,command,p" + i + ",203.0.113.4:51234,h,lvl=1|cmd=/n " + i + ",v1\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    GameLogTail start(Path log) {
        GameLogConfig c = GameLogConfig.defaults(log).withFromStart(true);
        c = new GameLogConfig(c.path(), c.rules(), c.bookmark(), Duration.ofMillis(50), true, c.catchUpLimit(), null, c.maxLineBytes());
        GameLogTail t = new GameLogTail(c, events::add, Clock.SYSTEM);
        t.start();
        return t;
    }

    /** Writes a row in two pieces, so the tail sees partial lines all the time. */
    static void write(OutputStream out, int i) throws IOException {
        byte[] r = row(i);
        out.write(r, 0, r.length / 2);
        out.flush();
        out.write(r, r.length / 2, r.length - r.length / 2);
        out.flush();
    }

    static void await(BooleanSupplier done, String what) throws InterruptedException {
        for (int i = 0; i < 400 && !done.getAsBoolean(); i++) Thread.sleep(25);
        assertThat(done.getAsBoolean()).as(what).isTrue();
    }

    void assertAllOnceInOrder(GameLogTail tail) {
        assertThat(events).extracting(GameLogEvent::command)
                .containsExactlyElementsOf(IntStream.range(0, LINES).mapToObj(i -> "/n " + i).toList());
        assertThat(tail.counters().skipped()).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
    }

    @Test
    void rotationByRenameWhileWriting() throws Exception {
        Path log = dir.resolve("players.log");
        Files.createFile(log);
        try (GameLogTail tail = start(log)) {
            OutputStream out = new FileOutputStream(log.toFile(), true);
            int rotations = 0;
            for (int i = 0; i < LINES; i++) {
                if (i > 0 && i % EVERY == 0) {
                    int r = ++rotations;
                    Files.move(log, dir.resolve("players.log." + r), StandardCopyOption.ATOMIC_MOVE);
                    for (int k = 0; k < 5; k++) write(out, i++); // still into the renamed file, like a writer not yet told
                    out.close();
                    out = new FileOutputStream(log.toFile(), true);
                    await(() -> tail.counters().rotations() == r, "rotation " + r + " noticed"); // before the next one
                }
                write(out, i);
            }
            out.close();
            await(() -> events.size() >= LINES, "all rows read");
            assertAllOnceInOrder(tail);
            assertThat(tail.counters().rotations()).isEqualTo(LINES / EVERY - 1);
        }
    }

    @Test
    void copyTruncateWhileWriting() throws Exception {
        Path log = dir.resolve("players.log");
        Files.createFile(log);
        try (GameLogTail tail = start(log); OutputStream out = new FileOutputStream(log.toFile(), true)) {
            int truncations = 0;
            for (int i = 0; i < LINES; i++) {
                if (i > 0 && i % EVERY == 0) {
                    // copy-truncate loses what the tail had not read yet (it is in the copy): let it catch up first
                    int seen = i;
                    await(() -> events.size() == seen, "caught up before truncation");
                    Files.copy(log, dir.resolve("players.log." + ++truncations));
                    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                        ch.truncate(0);
                    }
                }
                write(out, i);
            }
            await(() -> events.size() >= LINES, "all rows read");
            assertAllOnceInOrder(tail);
            assertThat(tail.counters().truncations()).isEqualTo(LINES / EVERY - 1);
        }
    }
}
