package netwarden.sources.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import netwarden.model.Ip;
import netwarden.model.Proto;
import org.junit.jupiter.api.Test;

/** Parsing /proc/net/dev and the socket tables, from texts written the way a little-endian kernel prints them. */
class ProcTablesTest {
    @Test
    void interfaceCountersFromProcNetDev() {
        Map<String, InterfaceCounters> dev = InterfaceCounters.parse("""
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:  912345    1234    0    0    0     0          0         0   912345    1234    0    0    0     0       0          0
                  eth0: 18446744073709551615 20 1 3 0 0 0 0 500 10 0 2 0 0 0 0
                """);
        assertThat(dev.keySet()).containsExactly("lo", "eth0");
        InterfaceCounters eth0 = dev.get("eth0");
        assertThat(eth0.rxPackets()).isEqualTo(20);
        assertThat(eth0.packets()).isEqualTo(30);
        assertThat(eth0.drops()).isEqualTo(5);
        assertThat(eth0.txBytes()).isEqualTo(500);
        assertThatThrownBy(() -> InterfaceCounters.parse("x|y\n eth0: 1 2 3\n")).hasMessageContaining("/proc/net/dev line 2 has 3 counters");
        assertThatThrownBy(() -> InterfaceCounters.parse(" eth0: 1 2 3 4 5 6 7 8 9 a 11 12 13 14 15 16\n"))
                .hasMessageContaining("/proc/net/dev line 1 is not numeric");
    }

    @Test
    void socketTablesGiveAddressesPortsAndStates() {
        List<SocketEntry> tcp = SocketEntry.parse(Proto.TCP, """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:63DD 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0
                   1: 0100007F:63DD 0200007F:A000 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1
                """);
        assertThat(tcp).containsExactly(
                new SocketEntry(Proto.TCP, Ip.parse("127.0.0.1"), 25565, Ip.parse("0.0.0.0"), 0, SocketEntry.LISTEN),
                new SocketEntry(Proto.TCP, Ip.parse("127.0.0.1"), 25565, Ip.parse("127.0.0.2"), 40960, SocketEntry.ESTABLISHED));
        assertThat(tcp.get(0).listening()).isTrue();
        assertThat(tcp.get(1).connected()).isTrue();

        List<SocketEntry> udp6 = SocketEntry.parse(Proto.UDP, """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                  0: 00000000000000000000000000000000:6D38 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3 2 0 0
                  1: B80D0120000000000000000001000000:6D38 B80D0120000000000000000007000000:1F90 01 00000000:00000000 00:00000000 00000000     0        0 4 2 0 0
                """);
        assertThat(udp6.get(0).listening()).isTrue();
        assertThat(udp6.get(1)).isEqualTo(new SocketEntry(Proto.UDP, Ip.parse("2001:db8::1"), 27960, Ip.parse("2001:db8::7"), 8080,
                SocketEntry.ESTABLISHED));
        assertThatThrownBy(() -> SocketEntry.parse(Proto.TCP, "header\n 0: 0100007F 00000000:0000 0A\n"))
                .hasMessageContaining("socket table line 2 is malformed");
    }
}
