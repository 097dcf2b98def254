package netwarden.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The builders' byte layouts, checked against hand-written wire formats. */
class TestkitTest {
    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void byteWriterHonoursTheByteOrder() {
        assertThat(hex(new ByteWriter(ByteOrder.BIG_ENDIAN).u16(0x0102).u32(0x03040506).toByteArray())).isEqualTo("010203040506");
        assertThat(hex(new ByteWriter(ByteOrder.LITTLE_ENDIAN).u16(0x0102).u32(0x03040506).u64(7).toByteArray()))
                .isEqualTo("0201060504030700000000000000");
        ByteWriter w = new ByteWriter(ByteOrder.LITTLE_ENDIAN).zeros(6).putU32(0, 0xa1b2c3d4L).putU16(4, 0x0102);
        assertThat(hex(w.pad(4).toByteArray())).isEqualTo("d4c3b2a102010000");
    }

    @Test
    void ethernetWithTwoTagsPutsTpidsOutermostFirst() {
        byte[] f = Frames.ethernet(Frames.ETH_IPV6, new byte[] {(byte) 0xee},
                new Frames.Vlan(Frames.TPID_QINQ, 0x123), new Frames.Vlan(Frames.TPID_DOT1Q, 5));
        assertThat(hex(Arrays.copyOfRange(f, 12, f.length))).isEqualTo("88a8" + "0123" + "8100" + "0005" + "86dd" + "ee");
    }

    @Test
    void ipv4HeaderHasAValidChecksumAndTheFragmentFields() {
        byte[] p = Frames.ipv4("192.0.2.1", "192.0.2.2").ttl(7).fragment(3, true).packet(Frames.UDP, Frames.udp(1, 2, new byte[0]));
        assertThat(hex(Arrays.copyOfRange(p, 0, 10))).isEqualTo("4500001c0001200307" + "11");
        long sum = 0;
        for (int i = 0; i < 20; i += 2) sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        while (sum >> 16 != 0) sum = (sum & 0xffff) + (sum >> 16);
        assertThat(sum).isEqualTo(0xffff);
    }

    @Test
    void ipv6ChainsNextHeaders() {
        byte[] p = Frames.ipv6("::1", "::2").hopByHop().fragment(1, true, 9).packet(Frames.TCP, new byte[0]);
        assertThat(p[6]).as("first next header: hop-by-hop").isEqualTo((byte) 0);
        assertThat(p[40]).as("hop-by-hop -> fragment").isEqualTo((byte) 44);
        assertThat(p[48]).as("fragment -> tcp").isEqualTo((byte) 6);
        assertThat(hex(Arrays.copyOfRange(p, 50, 52))).as("offset 1, M set").isEqualTo("0009");
        assertThat(((p[4] & 0xff) << 8) | (p[5] & 0xff)).as("payload length").isEqualTo(16);
    }

    @Test
    void pcapngUnitsFollowTheInterfaceResolution() {
        PcapngWriter w = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, 0)
                .interfaceBlock(1, 0, 9).interfaceBlock(1, 0, 0x80 | 1);
        assertThat(w.units(0, 1_500_000_123L)).isEqualTo(1_500_000);
        assertThat(w.units(1, 1_500_000_123L)).isEqualTo(1_500_000_123L);
        assertThat(w.units(2, 1_500_000_123L)).isEqualTo(3);
        assertThat(w.size() % 4).isZero();
        assertThatThrownBy(() -> new PcapngWriter().section(ByteOrder.BIG_ENDIAN).interfaceBlock(1, 0, 0x80 | 40).units(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fakeClockMovesOnlyWhenTold() {
        FakeClock clock = new FakeClock(100);
        assertThat(clock.nanos()).isEqualTo(100);
        clock.advance(Duration.ofMillis(2));
        assertThat(clock.nanos()).isEqualTo(2_000_100);
        clock.set(5);
        assertThat(clock.nanos()).isEqualTo(5);
        assertThat(new FakeClock().nanos()).isEqualTo(1_767_225_600_000_000_000L);
    }
}
