package netwarden.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/** PostgreSQL, the central option ({@code store.url: postgresql://user:password@host:port/db}); appends by COPY. */
public final class PostgresStore extends JdbcStore {
    private final String jdbcUrl;
    private final Properties props;

    public PostgresStore(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, Migrations.LATEST);
    }

    PostgresStore(String jdbcUrl, String user, String password, int version) {
        super(version);
        this.jdbcUrl = jdbcUrl;
        this.props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        // A stopped server must fail a write quickly, not hang the writer thread.
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "60");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, props);
    }

    @Override
    boolean sortsByAddress() {
        return false; // its indexes find an address; rewriting would only bloat the table
    }

    @Override
    String markLock() {
        return " FOR UPDATE";
    }

    @Override
    String dialect() {
        return "postgres";
    }

    @Override
    String stage(Connection c, Table table, List<Object[]> rows) throws SQLException {
        String stage = "stage_" + table.sql;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table.sql + ")");
            st.execute("TRUNCATE " + stage);
        }
        copy(c, stage, table, rows);
        return stage;
    }

    @Override
    void append(Connection c, Table table, List<Object[]> rows) throws SQLException {
        copy(c, table.sql, table, rows);
    }

    private static void copy(Connection c, String into, Table table, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) csv.append(',');
                Object v = row[i];
                if (v instanceof String s) quote(csv, s);
                else if (v != null) csv.append(v);
                // null: nothing between the commas is NULL in COPY's CSV format (quoted "" is the empty string)
            }
            csv.append('\n');
        }
        String sql = "COPY " + into + " (" + String.join(", ", Columns.of(table)) + ") FROM STDIN (FORMAT csv)";
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + into + " failed", e);
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') out.append('"');
            out.append(ch);
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return "postgres:" + jdbcUrl;
    }
}
