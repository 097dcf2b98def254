package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions merged out of order: a database that skipped a number gets it later; unknown versions are refused. */
class MigrationGapsTest {
    @TempDir
    Path dir;

    @Test
    void aVersionMissingBelowTheNewestIsAppliedLater() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("gaps.duckdb"))) {
            assertThat(Migrations.apply(c, "duckdb", 99, List.of(1, 3))).isEqualTo(3);
            assertThat(Migrations.applied(c)).containsExactly(1, 3);
            assertThat(Migrations.apply(c, "duckdb", 99, List.of(1, 2, 3))).isEqualTo(3);
            assertThat(Migrations.applied(c)).containsExactly(1, 2, 3);
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM source_minutes")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero(); // version 2's table arrived after version 3
            }
        }
    }

    @Test
    void aVersionThisCodeDoesNotKnowIsRefused() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("newer.duckdb"))) {
            Migrations.apply(c, "duckdb", 99, List.of(1, 2, 3));
            assertThatThrownBy(() -> Migrations.apply(c, "duckdb", 99, List.of(1, 3)))
                    .hasMessageContaining("version 2 is unknown").hasMessageContaining("upgrade netwarden");
        }
    }

    @Test
    void theJarsVersionsAreFoundAscending() {
        assertThat(Migrations.KNOWN).isSorted().startsWith(1, 2, 3);
        assertThat(Migrations.LATEST).isEqualTo(Migrations.KNOWN.getLast());
    }
}
