package netwarden.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesUnitsAndCombinations() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse(" 1h30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("1m30s500ms")).isEqualTo(Duration.ofMillis(90_500));
    }

    @Test
    void rejectsBareNumbersAndGarbageNamingTheText() {
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("'10' needs a unit");
        assertThatThrownBy(() -> Durations.parse("10 s")).hasMessageContaining("not a duration: '10 s'");
        assertThatThrownBy(() -> Durations.parse("s10")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("1.5s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("-5s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("empty duration");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999s")).hasMessageContaining("too large");
    }

    @Test
    void formatsToTheFormParseReadsBack() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofHours(25))).isEqualTo("1d1h");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        for (String s : new String[] {"1m30s", "1500ms", "1d1h", "5m", "10s", "3h59m59s"})
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
    }
}
