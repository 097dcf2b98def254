package netwarden.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, applied at start: {@code migrations/V<n>.sql} (portable) then
 * {@code V<n>.<dialect>.sql} when present, each version in one transaction with its row in
 * {@code schema_version}. Flyway has no DuckDB support, and this is all the store needs.
 * A database newer than this code is refused rather than used.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    /** The newest schema this code knows. */
    static final int LATEST = 7;

    private Migrations() {}

    /** Migrates to {@code target}; returns the version the database is at afterwards. */
    static int apply(Connection c, String dialect, int target) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)");
            c.commit();
            int current = current(c);
            if (current > LATEST)
                throw new SQLException("database schema version " + current + " is newer than this netwarden knows ("
                        + LATEST + "): upgrade netwarden");
            // Every version not applied yet, in order: versions are numbered per feature and may be merged out of
            // order, so a database at 7 may still lack 5; a number without a script is a gap and skipped.
            java.util.Set<Integer> applied = applied(c);
            for (int v = 1; v <= target; v++) {
                if (applied.contains(v) || !exists("V" + v + ".sql")) continue;
                for (String sql : statements(script("V" + v + ".sql", true)))
                    st.execute(sql);
                for (String sql : statements(script("V" + v + "." + dialect + ".sql", false)))
                    st.execute(sql);
                st.execute("INSERT INTO schema_version VALUES (" + v + ", " + System.currentTimeMillis() + ")");
                c.commit();
                log.info("store schema migrated to version {} ({})", v, dialect);
            }
            return current(c);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The highest version with a script at or below {@code v} (migration tests open "the previous version"). */
    static int atOrBelow(int v) {
        for (int i = v; i > 0; i--) if (exists("V" + i + ".sql")) return i;
        return 0;
    }

    private static boolean exists(String name) {
        return Migrations.class.getResource("migrations/" + name) != null;
    }

    private static java.util.Set<Integer> applied(Connection c) throws SQLException {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    static int current(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String script(String name, boolean required) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                if (required) throw new IllegalStateException("migration missing from the jar: " + name);
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Splits a script into statements: '--' comments dropped, ';' at a line end ends a statement. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) continue;
            cur.append(l).append('\n');
            if (l.endsWith(";")) {
                out.add(cur.substring(0, cur.lastIndexOf(";")));
                cur.setLength(0);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }
}
