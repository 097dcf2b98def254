package netwarden.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, applied at start: {@code migrations/V<n>.sql} (portable) then
 * {@code V<n>.<dialect>.sql} when present, each version in one transaction with its row in
 * {@code schema_version}. Flyway has no DuckDB support, and this is all the store needs.
 * Version numbers may have gaps and may arrive out of order (features merged in any order each bring their
 * own number): every version in the jar that the database has not recorded is applied, in ascending order.
 * A database holding a version this code does not know is refused rather than used.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    /** Versions looked for in the jar: 1..SCAN. */
    private static final int SCAN = 999;
    /** The versions this code knows, ascending. */
    static final List<Integer> KNOWN = known();
    /** The newest schema this code knows. */
    static final int LATEST = KNOWN.getLast();

    private Migrations() {}

    /** Applies every known version up to {@code target} the database lacks; returns the newest version it has afterwards. */
    static int apply(Connection c, String dialect, int target) throws SQLException {
        return apply(c, dialect, target, KNOWN);
    }

    /** As {@link #apply(Connection, String, int)} with the versions {@code known} (tests leave gaps). */
    static int apply(Connection c, String dialect, int target, List<Integer> known) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)");
            c.commit();
            Set<Integer> applied = applied(c);
            for (int v : applied)
                if (!known.contains(v))
                    throw new SQLException("database schema version " + v + " is unknown to this netwarden (it knows "
                            + known + "): upgrade netwarden");
            for (int v : known) {
                if (v > target || applied.contains(v)) continue;
                for (String sql : statements(script("V" + v + ".sql", true)))
                    st.execute(sql);
                for (String sql : statements(script("V" + v + "." + dialect + ".sql", false)))
                    st.execute(sql);
                st.execute("INSERT INTO schema_version VALUES (" + v + ", " + System.currentTimeMillis() + ")");
                c.commit();
                log.info("store schema migrated: version {} applied ({})", v, dialect);
            }
            return current(c);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The newest version below {@code v} this build has a script for (versions may have gaps), 0 when none. */
    static int previous(int v) {
        for (int p = v - 1; p > 0; p--) if (!script("V" + p + ".sql", false).isEmpty()) return p;
        return 0;
    }

    /** The highest version with a script at or below {@code v} (migration tests open "the previous version"). */
    static int atOrBelow(int v) {
        for (int i = v; i > 0; i--) if (KNOWN.contains(i)) return i;
        return 0;
    }

    static Set<Integer> applied(Connection c) throws SQLException {
        Set<Integer> out = new TreeSet<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private static List<Integer> known() {
        List<Integer> out = new ArrayList<>();
        for (int v = 1; v <= SCAN; v++)
            if (Migrations.class.getResource("migrations/V" + v + ".sql") != null) out.add(v);
        if (out.isEmpty()) throw new IllegalStateException("no store migrations in the jar");
        return List.copyOf(out);
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
