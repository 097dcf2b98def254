package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import netwarden.testkit.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
    static final long T0 = StoreContract.T0;
    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock(T0 * 1_000_000);
    final StoreMetrics metrics = new StoreMetrics();
    Store store;
    StoreWriter writer;

    @AfterEach
    void close() {
        if (writer != null) writer.close();
        if (store != null) store.close();
    }

    StoreWriter writer(StoreConfig config) {
        store = new DuckDbStore(dir.resolve("w.duckdb"));
        store.start();
        writer = new StoreWriter(store, config, clock, metrics, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofMinutes(1), Duration.ofSeconds(5), 50_000);
        writer.start();
        return writer;
    }

    static Rows.Batch events(int n, long ts) {
        var b = Rows.Batch.builder();
        for (int i = 0; i < n; i++) b.event(StoreContract.event(ts + i, "player_joined", "arena"));
        return b.build();
    }

    @Test
    void writesOffThreadAndCountsRowsPerTable() {
        writer(StoreConfig.defaults());
        for (int i = 0; i < 20; i++) assertThat(writer.offer(events(500, T0 + i * 1000L))).isTrue();
        writer.offer(Rows.Batch.builder().session(StoreContract.session("arena", "198.51.100.7", T0, T0, 0, null, 0, null)).build());
        Await.until("10001 rows written", () -> metrics.rows(Table.EVENTS) == 10_000 && metrics.rows(Table.SESSIONS) == 1
                && writer.queuedRows() == 0);
        assertThat(store.count(Table.EVENTS)).isEqualTo(10_000);
        assertThat(metrics.errors()).isZero();
    }

    @Test
    void anInvalidRowLosesOnlyItsOwnBatchAndIsCounted() {
        writer(StoreConfig.defaults());
        var bad = Rows.Batch.builder().event(StoreContract.event(T0, "player_joined", "arena"))
                .session(StoreContract.session("arena", "999.1.1.1", T0, T0, 0, null, 0, null)).build();
        writer.offer(events(10, T0));
        writer.offer(bad);
        writer.offer(events(10, T0 + 100));
        Await.until("good rows written, bad dropped", () -> metrics.rows(Table.EVENTS) == 20
                && metrics.dropped(Table.SESSIONS, "invalid") == 1);
        assertThat(metrics.dropped(Table.EVENTS, "invalid")).isEqualTo(1);
        assertThat(store.count(Table.EVENTS)).isEqualTo(20);
    }

    @Test
    void closeWritesWhatIsQueued() {
        writer(StoreConfig.defaults());
        for (int i = 0; i < 10; i++) writer.offer(events(1000, T0 + i * 10_000L));
        writer.close();
        assertThat(store.count(Table.EVENTS) + metrics.dropped(Table.EVENTS, "shutdown")).isEqualTo(10_000);
        assertThat(metrics.dropped(Table.EVENTS, "shutdown")).isZero();
        assertThat(writer.offer(events(1, T0))).isFalse();
        assertThat(metrics.dropped(Table.EVENTS, "shutdown")).isEqualTo(1);
    }

    @Test
    void retentionPurgesEachTableByItsOwnAgeOnTheInjectedClock() {
        var retention = Map.of(Table.ROLLUP_1S, Duration.ofHours(1), Table.EVENTS, Duration.ofDays(2));
        var config = new StoreConfig("", retention, 100_000, 10);
        writer(config);
        long t = T0 / 1000;
        var b = Rows.Batch.builder();
        for (int i = 0; i < 7200; i++) b.rollup(Step.SECOND, new Rows.Rollup("", "arena", t + i, 1, 1, 1, 8, 1, 0));
        b.event(StoreContract.event(T0, "player_joined", "arena"));
        writer.offer(b.build());
        Await.until("written", () -> metrics.rows(Table.ROLLUP_1S) == 7200);

        clock.set((T0 + 7200_000L) * 1_000_000); // two hours on: the first hour of seconds is past retention
        writer.purgeNow(clock.nanos());
        assertThat(store.count(Table.ROLLUP_1S)).isEqualTo(3600);
        assertThat(store.count(Table.EVENTS)).isEqualTo(1);
        assertThat(metrics.purged(Table.ROLLUP_1S)).isEqualTo(3600);

        clock.advance(Duration.ofDays(3)); // the worker purges by itself once the clock passed its next purge time
        writer.offer(events(1, T0 + 3 * 86_400_000L));
        Await.until("purged by the worker", () -> store.count(Table.ROLLUP_1S) == 0 && store.count(Table.EVENTS) == 1);
    }

    @Test
    void closedDaysAndWeeksAreSortedOnceOnTheInjectedClock() {
        writer(StoreConfig.defaults());
        long now = T0 / 1000;
        long today = now - Math.floorMod(now, 86_400), week = now - Math.floorMod(now, 7 * 86_400);
        clock.set((today + 300) * 1_000_000_000L); // five minutes into the day: yesterday still gets late rows
        writer.compactNow(clock.nanos());
        assertThat(store.compact(today - 86_400, today)).as("not yet compacted, so done now").isZero();
        clock.set((today + 86_400 + 700) * 1_000_000_000L);
        writer.compactNow(clock.nanos());
        assertThat(store.compact(today, today + 86_400)).as("done by the writer").isEqualTo(-1);
        clock.set((week + 7 * 86_400 + 700) * 1_000_000_000L);
        writer.compactNow(clock.nanos());
        assertThat(store.compact(week, week + 7 * 86_400)).isEqualTo(-1);
        assertThat(metrics.errors()).isZero();
    }
}
