package netwarden.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the embedded DuckDB file. */
class DuckDbStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    Store open(int version) {
        return new DuckDbStore(dir.resolve("netwarden.duckdb"), version);
    }

    @Override
    boolean rewritesOnCompact() {
        return true;
    }

    @org.junit.jupiter.api.Test
    void migratesFromEveryOlderVersion() {
        for (int v = Migrations.previous(Migrations.LATEST); v > 0; v = Migrations.previous(v)) { // versions may have gaps
            Path file = dir.resolve("v" + v + ".duckdb");
            try (Store old = new DuckDbStore(file, v)) {
                old.start();
                org.assertj.core.api.Assertions.assertThat(old.schemaVersion()).isEqualTo(v);
            }
            try (Store now = new DuckDbStore(file)) {
                now.start();
                org.assertj.core.api.Assertions.assertThat(now.schemaVersion()).isEqualTo(Migrations.LATEST);
            }
        }
    }
}
