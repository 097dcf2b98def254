package netwarden.sources.gamelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows from players-log.md, and rows that break its rules. */
class PlayersLogCsvTest {
    private final PlayersLogCsv csv = new PlayersLogCsv();

    static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void readsTheDocumentedExamples() throws GameLogException {
        assertThat(csv.parse("2026-05-15T19:23:41Z,My Server,startup,,,,,v1"))
                .isEqualTo(new ParsedRow(nanos("2026-05-15T19:23:41Z"), "My Server", GameLogAction.STARTUP, null, null, null, null, null, null, null));
        assertThat(csv.parse("2026-05-15T19:49:00Z,My Server,state,,,,maxplayers=16,v1").maxPlayers()).isEqualTo(16);
        assertThat(csv.parse("2026-05-15T19:46:31Z,My Server,join,playerName,203.0.113.4:51234,abc123,,v1"))
                .isEqualTo(new ParsedRow(nanos("2026-05-15T19:46:31Z"), "My Server", GameLogAction.JOIN, "playerName", "203.0.113.4",
                        51234, "abc123", null, null, null));
        ParsedRow cmd = csv.parse("2026-05-15T19:49:01Z,My Server,command,playerName,203.0.113.4:51234,abc123,lvl=3|cmd=/lo3,v1");
        assertThat(cmd.adminLevel()).isEqualTo(3);
        assertThat(cmd.command()).isEqualTo("/lo3");
        assertThat(csv.parse("2026-05-15T19:48:12Z,My Server,leave,playerName,203.0.113.4:51234,abc123,,v1").action()).isEqualTo(GameLogAction.LEAVE);
    }

    @Test
    void readsLegacySixAndSevenFieldRowsAndEpochTimestamps() throws GameLogException {
        ParsedRow legacy = csv.parse("1747338391,Old Server,join,bob,198.51.100.7,");
        assertThat(legacy).isEqualTo(new ParsedRow(1_747_338_391_000_000_000L, "Old Server", GameLogAction.JOIN, "bob", "198.51.100.7",
                null, null, null, null, null));
        assertThat(csv.parse("1747338391.25,S,leave,bob,198.51.100.7,h").atNanos()).isEqualTo(1_747_338_391_250_000_000L);
        assertThat(csv.parse("2026-05-15T19:49:01+02:00,S,command,a,,,cmd=/say a|b c").command()).isEqualTo("/say a|b c");
    }

    @Test
    void laterSchemasMayAddColumnsButV1RowsHaveEight() throws GameLogException {
        assertThat(csv.parse("2026-05-15T19:46:31Z,S,join,p,203.0.113.4:1,h,,v2,future").name()).isEqualTo("p");
        // a name whose comma was not replaced: 9 fields, shifted
        assertThatThrownBy(() -> csv.parse("2026-05-15T19:46:31Z,S,join,Bad,Name,203.0.113.4:1,h,,v1"))
                .isInstanceOf(GameLogException.class).hasMessageContaining("9 fields in a v1 row");
        assertThatThrownBy(() -> csv.parse("2026-05-15T19:46:31Z,S,join,p,203.0.113.4:1,h,,x,y"))
                .hasMessageContaining("schema version");
    }

    @Test
    void unknownActionsAreSkippedNotErrors() throws GameLogException {
        assertThat(csv.parse("2026-05-15T19:46:31Z,S,teamchange,p,203.0.113.4:1,h,,v1")).isNull();
    }

    @Test
    void badRowsSayWhichFieldAndNeverQuoteTheRow() {
        String[][] bad = {
                {"garbage \u0000\u00ff", "fields"},
                {"yesterday,S,join,p,203.0.113.4,h,,v1", "timestamp"},
                {"17473138391,S,join,p,203.0.113.4,h,,v1", "out of range"},
                {"2026-05-15T19:46:31Z,S,join,p,203.0.113.400,secret-hash,,v1", "IPv4"},
                {"2026-05-15T19:46:31Z,S,join,p,203.0.113.4:70000,secret-hash,,v1", "port"},
                {"2026-05-15T19:46:31Z,S,join,,203.0.113.4,secret-hash,,v1", "without a player name"},
                {"2026-05-15T19:46:31Z,S,state,,,,maxplayers=many,v1", "maxplayers"},
                {"2026-05-15T19:46:31Z,S,join", "3 fields"}};
        for (String[] b : bad) {
            assertThatThrownBy(() -> csv.parse(b[0])).as(b[0]).isInstanceOf(GameLogException.class)
                    .hasMessageContaining(b[1]).message().doesNotContain("secret-hash");
        }
    }
}
