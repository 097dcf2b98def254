package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnrichmentCacheTest {
    private static Enrichment asn(long n) {
        return new Enrichment(Enrichment.Status.RESOLVED, null, n, null, null, null);
    }

    @Test
    void holdsAtMostItsCapacityAndEvictsOldEntries() {
        EnrichmentCache c = new EnrichmentCache(100);
        assertThat(c.capacity()).isEqualTo(128);
        for (long i = 0; i < 10_000; i++) c.put(0, i, asn(i + 1));
        int present = 0;
        for (long i = 0; i < 10_000; i++) {
            Enrichment e = c.get(0, i);
            if (e != null) {
                present++;
                assertThat(e.asn()).isEqualTo(i + 1);
            }
        }
        assertThat(present).isBetween(64, 128);
        assertThat(c.get(0, 9_999)).isNotNull(); // the newest entry survives
    }

    @Test
    void replacesTheValueOfAKeyInPlace() {
        EnrichmentCache c = new EnrichmentCache(16);
        c.put(1, 2, asn(1));
        c.put(1, 2, asn(2));
        assertThat(c.get(1, 2).asn()).isEqualTo(2);
        assertThat(c.get(2, 1)).isNull();
    }

    @Test
    void rejectsNonsenseSizes() {
        assertThatThrownBy(() -> new EnrichmentCache(0)).hasMessage("cache-size must be positive: 0");
    }
}
