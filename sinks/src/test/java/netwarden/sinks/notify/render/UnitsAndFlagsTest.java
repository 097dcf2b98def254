package netwarden.sinks.notify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsAndFlagsTest {
    @Test
    void formatsRates() {
        assertThat(Units.pps(999)).isEqualTo("999 pps");
        assertThat(Units.pps(1_234_567)).isEqualTo("1.23 Mpps");
        assertThat(Units.bps(8_400_000_000L)).isEqualTo("8.40 Gbit/s");
        assertThat(Units.count(1234567)).isEqualTo("1,234,567");
        assertThat(Units.duration(Duration.ofSeconds(754))).isEqualTo("12m34s");
        assertThat(Units.duration(Duration.ofSeconds(7260))).isEqualTo("2h1m");
    }

    @Test
    void flags() {
        assertThat(Flags.emoji("AU")).isEqualTo("\uD83C\uDDE6\uD83C\uDDFA");
        assertThat(Flags.emoji("au")).isEmpty();
        assertThat(Flags.emoji(null)).isEmpty();
        assertThat(Flags.emoji("USA")).isEmpty();
    }
}
