package netwarden.sources.gamelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Another game's log read with regex rules (here lines shaped like a Minecraft server's latest.log). */
class RegexFormatTest {
    private final RegexFormat format = new RegexFormat(List.of(
            GameLogRule.of("join", "\\]: (?<name>\\w+)\\[/(?<ip>[\\d.]+:\\d+)\\] logged in"),
            GameLogRule.of("leave", "\\]: (?<name>\\w+) left the game"),
            GameLogRule.of("startup", "\\]: Done \\(")));

    @Test
    void firstMatchingRuleWins() throws GameLogException {
        ParsedRow join = format.parse("[19:46:31] [Server thread/INFO]: steve[/203.0.113.9:50123] logged in with entity id 1");
        assertThat(join.action()).isEqualTo(GameLogAction.JOIN);
        assertThat(join.name()).isEqualTo("steve");
        assertThat(join.ip()).isEqualTo("203.0.113.9");
        assertThat(join.port()).isEqualTo(50123);
        assertThat(join.atNanos()).isNull();
        assertThat(format.parse("[19:50:00] [Server thread/INFO]: steve left the game").action()).isEqualTo(GameLogAction.LEAVE);
        assertThat(format.parse("[19:40:00] [Server thread/INFO]: Done (3.2s)! For help, type \"help\"").action()).isEqualTo(GameLogAction.STARTUP);
        assertThat(format.parse("[19:41:00] [Server thread/INFO]: Preparing spawn area: 83%")).isNull();
    }

    @Test
    void actionAndTimestampGroups() throws GameLogException {
        RegexFormat f = new RegexFormat(List.of(GameLogRule.of("join",
                "^(?<ts>\\S+) (?<action>\\w+) (?<name>\\S+)(?: lvl=(?<lvl>\\d+) cmd=(?<cmd>.*))?$")));
        ParsedRow r = f.parse("2026-05-15T19:49:01Z command alice lvl=2 cmd=/kick bob");
        assertThat(r.action()).isEqualTo(GameLogAction.COMMAND);
        assertThat(r.adminLevel()).isEqualTo(2);
        assertThat(r.command()).isEqualTo("/kick bob");
        assertThat(r.atNanos()).isEqualTo(PlayersLogCsvTest.nanos("2026-05-15T19:49:01Z"));
        assertThat(f.parse("2026-05-15T19:49:01Z dance alice")).isNull();
        assertThatThrownBy(() -> f.parse("someday join alice")).isInstanceOf(GameLogException.class);
    }

    @Test
    void rulesAreValidated() {
        assertThatThrownBy(() -> GameLogRule.of("kick", "x")).hasMessageContaining("game-log.rules[].action");
        assertThatThrownBy(() -> GameLogRule.of("join", "(")).hasMessageContaining("game-log.rules[].pattern");
    }
}
