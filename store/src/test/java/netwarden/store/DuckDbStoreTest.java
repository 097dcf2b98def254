package netwarden.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the embedded DuckDB file. */
class DuckDbStoreTest extends StoreContract implements ShippedContract {
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
        for (int v : Migrations.KNOWN.subList(0, Migrations.KNOWN.size() - 1)) {
            Path file = dir.resolve("v" + v + ".duckdb");
            try (Store old = new DuckDbStore(file, v)) {
                old.start();
                org.assertj.core.api.Assertions.assertThat(old.schemaVersion()).isEqualTo(Migrations.atOrBelow(v));
            }
            try (Store now = new DuckDbStore(file)) {
                now.start();
                org.assertj.core.api.Assertions.assertThat(now.schemaVersion()).isEqualTo(Migrations.LATEST);
            }
        }
    }

    @Override
    public Store shippedStore() {
        return started();
    }
}
