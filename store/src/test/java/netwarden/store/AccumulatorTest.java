package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.EngineCounters;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.SourceCount;
import netwarden.model.WindowStats;
import org.junit.jupiter.api.Test;

class AccumulatorTest {
    static final long S = 1_800_000_000L; // a round hour: 1_800_000_000 % 3600 == 0
    static final Ip A = Ip.parse("198.51.100.7"), B = Ip.parse("203.0.113.9"), C = Ip.parse("192.0.2.1");

    static WindowStats sec(long s, long packets, long sources, SourceCount... top) {
        return new WindowStats(s, packets, packets * 100, sources, false, 0, List.of(top));
    }

    @Test
    void secondsBecomeMinuteAndHourRowsWhenALaterBucketArrives() {
        assertThat(S % 3600).isZero();
        var acc = new RollupAccumulator("");
        var out = Rows.Batch.builder();
        for (int i = 0; i < 60; i++) acc.add("arena", sec(S + i, 10 + i, i % 7, new SourceCount[0]), i < 30 ? 2 : 5, out);
        assertThat(out.build().rollups1m()).isEmpty();
        acc.add("arena", sec(S + 60, 1, 1), 1, out);
        Rows.Batch b = out.build();
        assertThat(b.rollups1s()).hasSize(61);
        long sum = 0;
        for (int i = 0; i < 60; i++) sum += 10 + i;
        assertThat(b.rollups1m()).containsExactly(new Rows.Rollup("", "arena", S, sum, sum * 100, 69, 69 * 800, 6, 5));
        assertThat(b.rollups1h()).isEmpty();
        acc.add("arena", sec(S + 3600, 3, 1), 0, out);
        acc.flush(out);
        b = out.build();
        assertThat(b.rollups1m()).extracting(Rows.Rollup::ts).containsExactly(S, S + 60, S + 3600);
        assertThat(b.rollups1h()).extracting(Rows.Rollup::ts, Rows.Rollup::packets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(S, sum + 1), org.assertj.core.groups.Tuple.tuple(S + 3600, 3L));
    }

    @Test
    void sourceMinutesKeepTheTopAndSumTheRestIntoOthers() {
        var acc = new SourceMinuteAccumulator("", 2, ip -> ip.equals(B) ? new AddressInfo("US", 13335, null) : AddressInfo.UNKNOWN);
        var out = Rows.Batch.builder();
        acc.add("arena", sec(S, 100, 3, new SourceCount(A, 10, 1000), new SourceCount(B, 80, 8000), new SourceCount(C, 5, 500)), out);
        acc.add("arena", sec(S + 1, 50, 2, new SourceCount(A, 30, 3000), new SourceCount(C, 20, 2000)), out);
        acc.add("blocks", sec(S + 2, 7, 1, new SourceCount(C, 7, 700)), out);
        acc.add("arena", sec(S + 60, 1, 1, new SourceCount(A, 1, 100)), out); // closes arena's first minute
        List<Rows.SourceMinute> rows = new ArrayList<>(out.build().sourceMinutes());
        assertThat(rows).containsExactly(
                new Rows.SourceMinute("", "arena", S, B.toString(), "US", 13335, 80, 8000, 1),
                new Rows.SourceMinute("", "arena", S, A.toString(), null, 0, 40, 4000, 1),
                // C's 25 packets plus 5 packets no top list named; one source summed
                new Rows.SourceMinute("", "arena", S, "*", null, 0, 30, 3000, 1));
        acc.flush(out);
        assertThat(out.build().sourceMinutes()).hasSize(5);
    }

    @Test
    void snapshotsOverlappingInTimeGiveEachSecondOnce() {
        var rows = new SnapshotRows("", 10, AddressInfo.Lookup.NONE);
        var key = new ServiceKey(Ip.parse("10.0.0.1"), 17, 27960);
        var out = Rows.Batch.builder();
        rows.add(snapshot(key, sec(S, 1, 1), sec(S + 1, 2, 1)), out);
        rows.add(snapshot(key, sec(S + 1, 2, 1), sec(S + 2, 3, 1)), out);
        assertThat(out.build().rollups1s()).extracting(Rows.Rollup::ts).containsExactly(S, S + 1, S + 2);
    }

    static EngineSnapshot snapshot(ServiceKey key, WindowStats... recent) {
        var s = new ServiceSnapshot(key.id(), key.id(), key, "", true, 0, 0, 0, 0, 0, 0, 1, 1, List.of(recent));
        return new EngineSnapshot(0, List.of(s), List.of(), EngineCounters.ZERO);
    }
}
