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
}
