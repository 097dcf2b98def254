package netwarden.sources.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed Jazzer seed files are exactly what {@link CollectorFuzzSeeds} builds (rerun its main after changing it). */
class CollectorFuzzSeedsTest {
    @Test
    void seedFilesAreCurrent() throws Exception {
        for (var method : CollectorFuzzSeeds.seeds().entrySet()) {
            var dir = CollectorFuzzSeeds.INPUTS.resolve(method.getKey());
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(method.getValue().keySet());
            }
            for (var e : method.getValue().entrySet()) {
                assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    /** The seeds reach the records, not just the decoder's error paths. */
    @Test
    void seedsHandRecordsOn() throws Exception {
        var datagrams = CollectorFuzzSeeds.seeds().get("datagrams");
        // Even length: unknown sampling drops, so the v9 and IPFIX records (no rate) are refused; v5 (1:10) and sFlow (1:100) pass.
        assertThat(datagrams.get("every-format").length % 2).isZero();
        assertThat(CollectorFuzzTest.replay(datagrams.get("every-format"))).isEqualTo(2);
        assertThat(CollectorFuzzTest.replay(datagrams.get("misdirected"))).isZero();
    }
}
