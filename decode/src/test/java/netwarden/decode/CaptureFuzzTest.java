package netwarden.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import netwarden.model.Packet;

/**
 * Fuzz targets for the capture reader (pcap and pcapng) and the packet decoder. In a normal
 * {@code mvnw test} Jazzer runs them in regression mode over the seeds in
 * {@code src/test/resources/netwarden/decode/CaptureFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 *
 * <p>Properties: nothing but {@link DecodeException} escapes; every record moves the file position
 * forward (so reading ends); every decoded field stays in its range.
 */
class CaptureFuzzTest {
    /** Link types the decoder knows plus one it does not; the first input byte picks one. */
    static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW,
            LinkType.RAW_12, LinkType.RAW_14, LinkType.IPV4, LinkType.IPV6, LinkType.NULL, LinkType.LOOP, 147};

    @FuzzTest(maxDuration = "60s")
    void captureReader(byte[] data) {
        CaptureReader reader;
        try {
            reader = CaptureReader.open(MemorySegment.ofArray(data));
        } catch (DecodeException e) {
            assertThat(e.record()).isBetween(0L, 1L);
            return;
        }
        assertThat(reader.format()).isIn("pcap", "pcap-ns", "pcapng");
        Packet p = new Packet();
        long previous = reader.position();
        try {
            while (reader.next(p)) {
                assertThat(reader.position()).as("progress").isGreaterThan(previous).isLessThanOrEqualTo(data.length);
                previous = reader.position();
                assertThat(reader.recordNumber()).isLessThanOrEqualTo(data.length / 12);
                assertThat(p.capLen).isBetween(0, CaptureReader.MAX_CAPTURED_LENGTH);
                assertThat(p.wireLen).isNotNegative();
                assertThat(reader.frame().byteSize()).isEqualTo(p.capLen);
                assertThat(reader.linkTypes()).contains(p.linkType);
                assertThat(p.iface).isBetween(0, reader.linkTypes().size() - 1);
                assertInRange(p);
            }
        } catch (DecodeException e) {
            assertThat(e.record()).isEqualTo(reader.recordNumber() + 1);
            assertThat(e.offset()).isBetween(0L, (long) data.length);
            assertThat(e.getMessage()).contains(e.reason());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void packetDecoder(byte[] data) {
        if (data.length == 0) return;
        int linkType = LINK_TYPES[(data[0] & 0xff) % LINK_TYPES.length];
        byte[] frame = Arrays.copyOfRange(data, 1, data.length);
        Packet p = new Packet();
        p.capLen = p.wireLen = frame.length;
        PacketDecoder.decode(linkType, MemorySegment.ofArray(frame), p);
        assertInRange(p);
        assertThat(p.l3Offset).isLessThanOrEqualTo(frame.length);
    }

    static void assertInRange(Packet p) {
        assertThat(p.ipVersion).isIn(0, 4, 6);
        assertThat(p.proto).isBetween(-1, 255);
        assertThat(p.srcPort).isBetween(-1, 65535);
        assertThat(p.dstPort).isBetween(-1, 65535);
        assertThat(p.srcPort < 0).isEqualTo(p.dstPort < 0);
        assertThat(p.ttl).isBetween(0, 255);
        assertThat(p.ipBytes).isBetween(0, 65535 + 40);
        assertThat(p.tcpFlags).isBetween(-1, 255);
        assertThat(p.payloadLen).isBetween(-1, 65535);
        assertThat(p.fragment).isIn(Packet.FRAG_NONE, Packet.FRAG_FIRST, Packet.FRAG_LATER);
        assertThat(p.vlan).isBetween(-1, 4095);
        assertThat(p.l3Offset).isBetween(-1, p.capLen);
        if (p.ipVersion == 0) {
            assertThat(p.proto).isEqualTo(-1);
            assertThat(p.l3Offset).isEqualTo(-1);
        }
        if (p.dstPort >= 0) {
            assertThat(p.proto).isIn(6, 17);
            assertThat(p.fragment).isNotEqualTo(Packet.FRAG_LATER);
        }
        if (p.tcpFlags >= 0) assertThat(p.proto).isEqualTo(6);
    }
}
