package netwarden.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded default: one DuckDB file (in {@code state.dir}), nothing to install. netwarden is its only
 * writer; appends go through DuckDB's Appender, which is what makes 100 k rows/s cheap. The Appender commits on
 * its own, outside any transaction, so it fills a connection-local staging table that one INSERT … SELECT then
 * moves inside the batch's transaction: a failed batch leaves nothing behind.
 */
public final class DuckDbStore extends JdbcStore {
    private final Path file;

    public DuckDbStore(Path file) {
        this(file, Migrations.LATEST);
    }

    /** A store that migrates only up to {@code version}: for migration tests. */
    DuckDbStore(Path file, int version) {
        super(version);
        this.file = file;
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    @Override
    boolean sortsByAddress() {
        return true;
    }

    @Override
    String dialect() {
        return "duckdb";
    }

    @Override
    void append(Connection c, Table table, List<Object[]> rows) throws SQLException {
        String stage = stage(c, table, rows);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + table.sql + " SELECT * FROM " + stage);
        }
    }

    @Override
    String stage(Connection c, Table table, List<Object[]> rows) throws SQLException {
        String stage = "stage_" + table.sql;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " AS SELECT * FROM " + table.sql + " LIMIT 0");
            st.execute("DELETE FROM temp.main." + stage);
        }
        try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("temp", "main", stage)) {
            for (Object[] row : rows) {
                a.beginRow();
                for (Object v : row) {
                    switch (v) {
                        case null -> a.appendNull();
                        case Long l -> a.append(l.longValue());
                        case String s -> a.append(s);
                        case Boolean b -> a.append(b.booleanValue());
                        default -> throw new IllegalArgumentException("unexpected column type " + v.getClass());
                    }
                }
                a.endRow();
            }
            a.flush();
        }
        return "temp.main." + stage;
    }

    @Override
    public String toString() {
        return "duckdb:" + file;
    }
}
