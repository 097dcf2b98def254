package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.decode.LinkType;
import netwarden.model.Ip;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.V5Record;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;

class UdpDatagramsTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final byte[] V5 = FlowExports.v5(0, new V5Record("10.0.0.1", "10.0.0.2", 1, 2, 17, 1, 100, 1, 2, 0, 5, 6));

    @Test
    void yieldsThePayloadOfEveryUnfragmentedUdpDatagram() throws DecodeException {
        byte[] v6 = Frames.ethernet(Frames.ETH_IPV6, Frames.ipv6("2001:db8::1", "2001:db8::2").hopByHop().destinationOptions()
                .packet(Frames.UDP, Frames.udp(4000, 6343, V5)));
        byte[] withOptions = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("192.0.2.1", "192.0.2.9").options(new byte[] {1, 1, 1, 0})
                .packet(Frames.UDP, Frames.udp(4000, 2055, V5)));
        byte[] fragment = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("192.0.2.1", "192.0.2.9").fragment(0, true)
                .packet(Frames.UDP, Frames.udp(4000, 2055, V5)));
        byte[] tcp = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("192.0.2.1", "192.0.2.9").packet(Frames.TCP, Frames.tcp(1, 2, 2)));
        byte[] cut = FlowExports.udpFrame("192.0.2.3", "192.0.2.9", 4000, 2055, V5);
        byte[] pcap = PcapWriter.micros(LinkType.ETHERNET).record(T0, v6).record(T0, fragment).record(T0, tcp)
                .record(T0, withOptions).record(T0, Frames.cut(cut, cut.length - 10), cut.length).toByteArray();
        UdpDatagrams d = new UdpDatagrams(CaptureReader.open(MemorySegment.ofArray(pcap)));
        assertThat(d.next()).isTrue();
        assertThat(d.source()).isEqualTo(Ip.parse("2001:db8::1"));
        assertThat(d.destinationPort()).isEqualTo(6343);
        assertThat(d.payload().toArray(ValueLayout.JAVA_BYTE)).isEqualTo(V5);
        assertThat(d.next()).isTrue();
        assertThat(d.source()).isEqualTo(Ip.parse("192.0.2.1"));
        assertThat(d.sourcePort()).isEqualTo(4000);
        assertThat(d.payload().toArray(ValueLayout.JAVA_BYTE)).isEqualTo(V5);
        assertThat(d.next()).isTrue();
        assertThat(d.payload().byteSize()).as("cut to what was captured").isEqualTo(V5.length - 10);
        assertThat(d.timestampNanos()).isEqualTo(T0);
        assertThat(d.next()).isFalse();
        assertThat(d.skippedFrames()).as("the fragment and the TCP frame").isEqualTo(2);
    }
}
