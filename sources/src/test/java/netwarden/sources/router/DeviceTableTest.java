package netwarden.sources.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class DeviceTableTest {
    static final Instant T = Instant.parse("2026-12-07T21:00:00Z");
    static final RouterConfig LAN = new RouterConfig(List.of(Prefix.parse("192.168.1.0/24"), Prefix.parse("fd00::/8")),
            List.of("br-lan"), true, 1 << 20, List.of(), null, false, null, null);

    @Test
    void devicesAreLanAddressesWithMacFirstAndLastSeenAndName() {
        var t = new DeviceTable(LAN, 10);
        assertThat(t.seen(Ip.parse("192.168.1.20"), T.plusSeconds(5))).isTrue();
        assertThat(t.seen(Ip.parse("8.8.8.8"), T)).isFalse();
        assertThat(t.seen(Ip.parse("192.168.1.20"), "AA:BB:CC:00:11:22", T)).isTrue();
        assertThat(t.seen(Ip.parse("192.168.1.20"), "00:00:00:00:00:00", T.plusSeconds(9))).isTrue();
        assertThat(t.name(Ip.parse("192.168.1.20"), " console ")).isTrue();
        assertThat(t.name(Ip.parse("192.168.1.99"), "nobody")).isFalse();
        assertThat(t.seen(Ip.parse("fd00::5"), T)).isTrue();
        assertThat(t.devices()).containsExactly(
                new Device(Ip.parse("192.168.1.20"), "aa:bb:cc:00:11:22", "console", T, T.plusSeconds(9)),
                new Device(Ip.parse("fd00::5"), "", "", T, T));
    }

    @Test
    void aFullTableRefusesNewAddressesAndKeepsTheKnownOnes() {
        var t = new DeviceTable(LAN, 2);
        for (int i = 1; i <= 5; i++) t.seen(Ip.parse("192.168.1." + i), T);
        assertThat(t.devices()).extracting(Device::address).containsExactly(Ip.parse("192.168.1.1"), Ip.parse("192.168.1.2"));
        assertThat(t.refused()).isEqualTo(3);
        assertThat(t.seen(Ip.parse("192.168.1.1"), T.plusSeconds(1))).isTrue();
    }

    @Test
    void arpEntriesGiveMacsForCompleteEntriesOnly() {
        String arp = """
                IP address       HW type     Flags       HW address            Mask     Device
                192.168.1.20     0x1         0x2         aa:bb:cc:00:11:22     *        br-lan
                192.168.1.21     0x1         0x0         00:00:00:00:00:00     *        br-lan
                garbage
                """;
        assertThat(DeviceTable.parseArp(arp)).containsExactly(java.util.Map.entry(Ip.parse("192.168.1.20"), "aa:bb:cc:00:11:22"));
    }

    @Test
    void configNamesTheFieldAndValue() {
        assertThatThrownBy(() -> new RouterConfig(List.of(), List.of(), true, 100, List.of(), null, false, null, null))
                .hasMessageContaining("router.conntrack.receive-buffer").hasMessageContaining("100");
        assertThatThrownBy(() -> new RouterConfig(List.of(), List.of(), true, 1 << 20, List.of(), null, true, null, null))
                .hasMessageContaining("router.dns.hash-salt");
        assertThatThrownBy(() -> Prefix.parse("example.com/24")).hasMessageContaining("router.lan");
        assertThatThrownBy(() -> Prefix.parse("10.0.0.0/33")).hasMessageContaining("0..32");
        assertThat(Prefix.parse("10.99.1.0/24").contains(Ip.parse("10.99.1.200").toInetAddress())).isTrue();
        assertThat(Prefix.parse("10.99.1.0/23").contains(Ip.parse("10.99.2.1").toInetAddress())).isFalse();
    }
}
