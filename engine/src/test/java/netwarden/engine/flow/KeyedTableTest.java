package netwarden.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyedTableTest {
    private static final class Entry extends Keyed {
        Entry(long k1, long k2, long k3) {
            super(k1, k2, k3);
        }

        Entry(long k1, long k2, long k3, int hash) {
            super(k1, k2, k3, hash);
        }
    }

    private record Key(long k1, long k2, long k3) {}

    @Test
    void agreesWithAHashMapThroughInsertsRemovesAndGrowth() {
        var table = new KeyedTable<Entry>(16);
        Map<Key, Entry> model = new HashMap<>();
        List<Key> keys = new ArrayList<>();
        var rnd = new SplittableRandom(7);
        for (int step = 0; step < 400_000; step++) {
            // Few distinct values per field, so keys share parts and probe runs grow long.
            Key k = new Key(rnd.nextInt(64), rnd.nextInt(512), rnd.nextInt(8));
            Entry present = model.get(k);
            assertThat(table.get(k.k1(), k.k2(), k.k3(), KeyedTable.hash(k.k1(), k.k2(), k.k3()))).isSameAs(present);
            if (present == null && rnd.nextInt(3) > 0) {
                Entry e = new Entry(k.k1(), k.k2(), k.k3());
                table.insert(e);
                model.put(k, e);
                keys.add(k);
            } else if (present != null) {
                assertThat(table.remove(present)).isTrue();
                assertThat(table.remove(present)).isFalse();
                model.remove(k);
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        for (Key k : keys) {
            assertThat(table.get(k.k1(), k.k2(), k.k3(), KeyedTable.hash(k.k1(), k.k2(), k.k3()))).isSameAs(model.get(k));
        }
    }

    @Test
    void entriesSharingAHashIncludingZeroAreKeptApartAndSurviveRemovalsInsideTheirRun() {
        var table = new KeyedTable<Entry>(16);
        List<Entry> entries = new ArrayList<>();
        for (int hash : new int[] {0, 1, 0, 17, 1, 0}) { // 0 is stored as 1, so all but 17 share one home
            Entry e = new Entry(entries.size(), 9, 9, hash);
            table.insert(e);
            entries.add(e);
        }
        for (Entry e : entries) assertThat(table.get(e.k1, 9, 9, e.hash)).isSameAs(e);
        assertThat(table.get(99, 9, 9, 0)).isNull();
        assertThat(table.remove(entries.get(1))).isTrue();
        assertThat(table.remove(entries.get(0))).isTrue();
        for (Entry e : entries.subList(2, entries.size())) assertThat(table.get(e.k1, 9, 9, e.hash)).isSameAs(e);
        assertThat(table.get(0, 9, 9, 0)).isNull();
        assertThat(table.size()).isEqualTo(4);
    }
}
