package netwarden.sources.router.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineTailTest {
    @TempDir
    Path dir;

    static void append(Path f, String s) throws Exception {
        Files.writeString(f, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void startsAtTheEndThenReturnsCompleteLinesOnly() throws Exception {
        Path f = dir.resolve("dnsmasq.log");
        append(f, "old history\n");
        try (var tail = new LineTail(f, null)) {
            assertThat(tail.poll()).isEmpty();
            append(f, "one\ntw");
            assertThat(tail.poll()).containsExactly("one");
            append(f, "o\r\nthree\n");
            assertThat(tail.poll()).containsExactly("two", "three");
        }
    }

    @Test
    void rotationByRenameLosesNothingAndFollowsTheNewFile() throws Exception {
        Path f = dir.resolve("dnsmasq.log");
        append(f, "");
        try (var tail = new LineTail(f, null)) {
            tail.poll();
            append(f, "before rotation\n");
            Files.move(f, dir.resolve("dnsmasq.log.1"));
            append(dir.resolve("dnsmasq.log.1"), "late write to the old file\n");
            assertThat(tail.poll()).containsExactly("before rotation", "late write to the old file");
            assertThat(tail.poll()).isEmpty(); // between rotation and the new file
            append(f, "new file\n");
            assertThat(tail.poll()).containsExactly("new file");
        }
    }

    @Test
    void copyTruncateIsReadFromTheStart() throws Exception {
        Path f = dir.resolve("dnsmasq.log");
        append(f, "");
        try (var tail = new LineTail(f, null)) {
            tail.poll();
            append(f, "a long line before truncation\n");
            assertThat(tail.poll()).hasSize(1);
            Files.writeString(f, "short\n");
            assertThat(tail.poll()).containsExactly("short");
        }
    }

    @Test
    void aBookmarkResumesWhereTheLastRunStopped() throws Exception {
        Path f = dir.resolve("dnsmasq.log"), mark = dir.resolve("dnsmasq.bookmark");
        append(f, "");
        try (var tail = new LineTail(f, mark)) {
            tail.poll();
            append(f, "first\npart");
            assertThat(tail.poll()).containsExactly("first");
        }
        append(f, "ial\nwhile stopped\n");
        try (var tail = new LineTail(f, mark)) {
            assertThat(tail.poll()).containsExactly("partial", "while stopped");
        }
    }

    @Test
    void anOverlongLineIsCutAndCountedAndTheBookmarkStaysExact() throws Exception {
        Path f = dir.resolve("dnsmasq.log"), mark = dir.resolve("bookmark");
        append(f, "");
        try (var tail = new LineTail(f, mark)) {
            tail.poll();
            append(f, "x".repeat(LineTail.MAX_LINE + 10) + "\nnext\n");
            var lines = tail.poll();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).hasSize(LineTail.MAX_LINE);
            assertThat(lines.get(1)).isEqualTo("next");
            assertThat(tail.linesTooLong()).isEqualTo(1);
            assertThat(tail.consumed()).isEqualTo(Files.size(f));
        }
        Files.writeString(mark, "garbage");
        append(f, "after\n");
        try (var tail = new LineTail(f, mark)) {
            assertThat(tail.poll()).isEmpty(); // an unreadable bookmark starts at the end
        }
    }

    @Test
    void domainMapIsBoundedAndExpires() {
        Instant t = Instant.parse("2026-12-07T21:00:00Z");
        var map = new DomainMap(2, Duration.ofMinutes(10));
        map.put(Ip.parse("10.0.0.1"), "a.test", t);
        map.put(Ip.parse("10.0.0.2"), "b.test", t);
        map.put(Ip.parse("10.0.0.1"), "a2.test", t.plusSeconds(1)); // refreshed: now the newest
        map.put(Ip.parse("10.0.0.3"), "c.test", t.plusSeconds(2));
        assertThat(map.domain(Ip.parse("10.0.0.2"), t)).isNull();
        assertThat(map.evicted()).isEqualTo(1);
        assertThat(map.domain(Ip.parse("10.0.0.1"), t.plusSeconds(600))).isEqualTo("a2.test");
        assertThat(map.domain(Ip.parse("10.0.0.1"), t.plusSeconds(602))).isNull();
        assertThat(map.size()).isEqualTo(1);
    }
}
