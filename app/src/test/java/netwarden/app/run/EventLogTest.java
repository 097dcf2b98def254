package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.sinks.json.AddressFormat;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final PlayerSnapshot ALICE = new PlayerSnapshot("arena", Ip.parse("198.51.100.7"), 1, 2, 30, 20, 3000, 2000, 2, 0);

    @Test
    void neverBlocksTheCallerAndCountsWhatItDrops() throws Exception {
        Counter dropped = EventLog.droppedCounter();
        EventLog log = new EventLog(AddressFormat.masked(new byte[16]), dropped); // writer not started: nothing drains
        for (int i = 0; i < 5000; i++) log.onEvent(new Event.PlayerJoined(i, "arena", ALICE, 1));
        assertThat(dropped.get()).isEqualTo(5000 - 4096);
        log.close();
    }

    @Test
    void describesEventsWithMaskedPlayerAddresses() {
        EventLog log = new EventLog(AddressFormat.masked(new byte[16]), EventLog.droppedCounter());
        String joined = log.describe(new Event.PlayerJoined(1, "arena", ALICE, 4));
        assertThat(joined).startsWith("player joined arena: 198.51.100.x#").endsWith("(players now 4)").doesNotContain("198.51.100.7");
        assertThat(log.describe(new Event.PlayerLeft(1, "arena", ALICE, 3))).startsWith("player left arena: 198.51.100.x#");
    }
}
