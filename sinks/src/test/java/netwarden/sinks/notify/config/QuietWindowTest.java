package netwarden.sinks.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import netwarden.model.SettingException;
import org.junit.jupiter.api.Test;

class QuietWindowTest {
    @Test
    void quietHoursPastMidnightOnWorkdaysInAZone() {
        QuietWindow w = QuietWindow.parse("q", "mon-fri 22:00-07:00 Europe/Berlin");
        assertThat(w.covers(Instant.parse("2026-12-07T21:30:00Z"))).isTrue();   // Monday 22:30 in Berlin
        assertThat(w.covers(Instant.parse("2026-12-08T05:59:00Z"))).isTrue();   // Tuesday 06:59, the night from Monday
        assertThat(w.covers(Instant.parse("2026-12-08T06:00:00Z"))).isFalse();  // 07:00
        assertThat(w.covers(Instant.parse("2026-12-07T12:00:00Z"))).isFalse();  // Monday noon
        assertThat(w.covers(Instant.parse("2026-12-12T22:00:00Z"))).isFalse();  // Saturday 23:00: not a workday night
        assertThat(w.covers(Instant.parse("2026-12-07T05:00:00Z"))).isFalse();  // Monday 06:00 belongs to Sunday's night
    }

    @Test
    void daytimeHoursWithoutDaysOrZoneAreEveryDayInUtc() {
        QuietWindow w = QuietWindow.parse("q", "09:00-17:30");
        assertThat(w.covers(Instant.parse("2026-12-13T09:00:00Z"))).isTrue();
        assertThat(w.covers(Instant.parse("2026-12-13T17:30:00Z"))).isFalse();
    }

    @Test
    void aMaintenanceWindowIsItsTwoInstants() {
        QuietWindow w = QuietWindow.parse("q", "2026-12-08T02:00:00Z/2026-12-08T03:00:00Z");
        assertThat(w.covers(Instant.parse("2026-12-08T02:00:00Z"))).isTrue();
        assertThat(w.covers(Instant.parse("2026-12-08T03:00:00Z"))).isFalse();
        assertThat(w.toString()).isEqualTo("2026-12-08T02:00:00Z/2026-12-08T03:00:00Z");
    }

    @Test
    void badTextNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> QuietWindow.parse("routes.pager.quiet[0]", "someday 25:00-26:00"))
                .isInstanceOf(SettingException.class).hasMessageContaining("routes.pager.quiet[0]").hasMessageContaining("someday");
        assertThatThrownBy(() -> QuietWindow.parse("q", "2026-12-08T03:00:00Z/2026-12-08T02:00:00Z")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> QuietWindow.parse("q", "22:00-07:00 Mars/Olympus")).isInstanceOf(SettingException.class);
    }
}
