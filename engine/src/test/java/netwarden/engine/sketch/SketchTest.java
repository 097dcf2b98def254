package netwarden.engine.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class SketchTest {
    @Test
    void addressSetIsExactIncludingTheZeroAddressAndSurvivesGrowthAndClear() {
        var set = new AddressSet(2);
        assertThat(set.add(0, 0)).isTrue();
        assertThat(set.add(0, 0)).isFalse();
        for (long i = 1; i <= 10_000; i++) assertThat(set.add(i >>> 3, i)).isTrue();
        for (long i = 1; i <= 10_000; i++) assertThat(set.add(i >>> 3, i)).isFalse();
        assertThat(set.size()).isEqualTo(10_001);
        long[] seen = {0};
        set.forEach((h, l) -> seen[0]++);
        assertThat(seen[0]).isEqualTo(10_001);
        set.clear();
        assertThat(set.size()).isZero();
        assertThat(set.add(0, 0)).isTrue();
    }

    @Test
    void hyperLogLogStaysWithinTwoAndAHalfPercentAcrossScales() {
        var rnd = new SplittableRandom(7);
        for (int n : new int[] {100, 1_000, 10_000, 100_000, 1_000_000}) {
            var hll = new HyperLogLog();
            for (int i = 0; i < n; i++) hll.add(rnd.nextLong(), rnd.nextLong());
            assertThat((double) hll.estimate()).as("n=%d", n).isCloseTo(n, Percentage.withPercentage(2.5));
        }
    }

    @Test
    void distinctCounterSwitchesOnceAndReportsIt() {
        var c = new DistinctCounter(100);
        int switches = 0;
        for (int i = 0; i < 5_000; i++) if (c.add(0, i)) switches++;
        for (int i = 0; i < 5_000; i++) if (c.add(0, i)) switches++;
        assertThat(switches).isEqualTo(1);
        assertThat(c.estimated()).isTrue();
        assertThat((double) c.count()).isCloseTo(5_000, Percentage.withPercentage(2.5));
        c.clear();
        assertThat(c.estimated()).isFalse();
        c.add(0, 1);
        c.add(0, 1);
        assertThat(c.count()).isEqualTo(1);
    }
}
