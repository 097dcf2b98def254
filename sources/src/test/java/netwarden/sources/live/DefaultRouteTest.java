package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultRouteTest {
    @Test
    void picksTheLowestMetricDefaultRouteThatIsUp() {
        String route = """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth1\t00000000\t0101A8C0\t0003\t0\t0\t200\t00000000\t0\t0\t0
                eth0\t00000000\t010011AC\t0003\t0\t0\t100\t00000000\t0\t0\t0
                eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                """;
        assertThat(DefaultRoute.ipv4(route)).contains("eth0");
    }

    @Test
    void ignoresRoutesThatAreNotDefaultOrDown() {
        String route = """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                eth9\t00000000\t010011AC\t0002\t0\t0\t0\t00000000\t0\t0\t0
                """;
        assertThat(DefaultRoute.ipv4(route)).isEmpty();
        assertThat(DefaultRoute.ipv4("")).isEmpty();
    }

    @Test
    void readsIpv6DefaultRoutesButNeverLoopback() {
        String v6 = """
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
                fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     ens3
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000002 00000000 00000003     ens3
                """;
        assertThat(DefaultRoute.ipv6(v6)).contains("ens3");
    }
}
