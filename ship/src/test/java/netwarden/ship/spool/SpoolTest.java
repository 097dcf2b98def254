package netwarden.ship.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipRow;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    static List<ShipRow> rows(String table, long from, int n) {
        List<ShipRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ShipRow(table, JSON.createObjectNode().put("id", from + i).put("pad", "x".repeat(100))));
        return out;
    }

    Spool open(SpoolConfig c) throws IOException {
        Spool s = new Spool(c, "agent-1", new FakeClock(1_700_000_000_000_000_000L));
        s.open();
        return s;
    }

    static List<ShipBatch> drain(Spool s, long after) throws IOException {
        List<ShipBatch> out = new ArrayList<>();
        for (ShipBatch b = s.next(after); b != null; b = s.next(b.sequence())) out.add(b);
        return out;
    }

    @Test
    void shipsOnlySyncedBatchesInOrderAndDeletesAcknowledgedSegments() throws Exception {
        SpoolConfig c = new SpoolConfig(tmp.resolve("spool"), 1 << 20, 4096, Duration.ofSeconds(1));
        try (Spool s = open(c)) {
            s.append(rows("events", 0, 5));
            assertThat(s.next(0)).as("not synced yet").isNull();
            s.sync();
            for (int i = 1; i < 20; i++) s.append(rows("flows", i * 5L, 5));
            s.sync();
            List<ShipBatch> all = drain(s, 0);
            assertThat(all).extracting(ShipBatch::sequence).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(all.getFirst().epoch()).isEqualTo(1_700_000_000_000L);
            long segsBefore = segments(c.dir());
            s.acknowledge(20);
            assertThat(segments(c.dir())).isLessThan(segsBefore).isEqualTo(1);
            assertThat(s.stats().ackedBatches()).isEqualTo(20);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.dir()))).isEqualTo("rwx------");
        try (var files = Files.list(c.dir())) {
            for (Path f : files.toList())
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void reopeningContinuesTheEpochAndSequenceAndShipsWhatWasNotAcknowledged() throws Exception {
        SpoolConfig c = new SpoolConfig(tmp.resolve("spool"), 1 << 20, 4096, Duration.ofSeconds(1));
        long epoch;
        try (Spool s = open(c)) {
            for (int i = 0; i < 10; i++) s.append(rows("events", i, 1));
            s.sync();
            s.acknowledge(4);
            epoch = s.epoch();
        }
        try (Spool s = open(c)) {
            assertThat(s.epoch()).isEqualTo(epoch);
            assertThat(drain(s, s.acknowledged())).extracting(ShipBatch::sequence).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
            s.append(rows("events", 10, 1));
            s.sync();
            assertThat(s.next(10).sequence()).isEqualTo(11);
        }
    }

    @Test
    void aTornOrCorruptTailIsCutAndTheRecordsBeforeItKept() throws Exception {
        SpoolConfig c = new SpoolConfig(tmp.resolve("spool"), 1 << 20, 1 << 16, Duration.ofSeconds(1));
        try (Spool s = open(c)) {
            for (int i = 0; i < 3; i++) s.append(rows("events", i, 2));
        }
        Path seg = c.dir().resolve(Segment.name(false, 1));
        long whole = Files.size(seg);
        // A record cut mid-payload (the crash tore the write) ...
        byte[] torn = SegmentFile.frame("{\"v\":1}".getBytes()).array();
        Files.write(seg, java.util.Arrays.copyOf(torn, torn.length - 3), StandardOpenOption.APPEND);
        try (Spool s = open(c)) {
            assertThat(drain(s, 0)).hasSize(3);
            assertThat(s.stats().truncatedBytes()).isEqualTo(torn.length - 3);
        }
        assertThat(Files.size(seg)).isEqualTo(whole);
        // ... and a whole-length record whose bytes were flipped (CRC mismatch).
        byte[] bad = SegmentFile.frame("{\"v\":1,\"x\":2}".getBytes()).array();
        bad[bad.length - 2] ^= 0x20;
        Files.write(seg, bad, StandardOpenOption.APPEND);
        try (Spool s = open(c)) {
            assertThat(drain(s, 0)).hasSize(3);
            assertThat(s.stats().truncatedBytes()).isEqualTo(bad.length);
        }
    }

    @Test
    void aFullSpoolEvictsTheOldestRawSegmentsFirstCountsThemAndReportsTheGap() throws Exception {
        SpoolConfig c = new SpoolConfig(tmp.resolve("spool"), 64 << 10, 8 << 10, Duration.ofSeconds(1));
        try (Spool s = open(c)) {
            s.append(rows("rollups", 0, 5));
            for (int i = 0; i < 100; i++) s.append(rows("events", i * 5L, 5));
            s.sync();
            assertThat(s.stats().bytes()).isLessThanOrEqualTo(c.maxBytes());
            assertThat(s.stats().evictedRows()).isPositive();
            assertThat(s.stats().evictedBytes()).isPositive();
            List<ShipBatch> left = drain(s, 0);
            assertThat(left.getFirst().sequence()).as("the rollup, written first, survives").isEqualTo(1);
            assertThat(left.getFirst().rows().getFirst().table()).isEqualTo("rollups");
            ShipBatch afterGap = left.get(1);
            assertThat(afterGap.gap()).isNotNull();
            assertThat(afterGap.gap().from()).isEqualTo(2);
            assertThat(afterGap.gap().to()).isEqualTo(afterGap.sequence() - 1);
            assertThat(afterGap.gap().rows()).isEqualTo(s.stats().evictedRows()).isEqualTo((afterGap.sequence() - 2) * 5);
            assertThat(left.stream().mapToLong(b -> b.rows().size()).sum() + s.stats().evictedRows()).isEqualTo(505);
        }
    }

    static long segments(Path dir) throws IOException {
        try (var f = Files.list(dir)) {
            return f.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }
}
