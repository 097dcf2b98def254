package netwarden.decode.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for netlink framing and the ctnetlink and NFLOG decoders. In a normal
 * {@code mvnw test} Jazzer runs it in regression mode over the seeds in
 * {@code src/test/resources/netwarden/decode/netlink/NetlinkFuzzTestInputs/datagram/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 *
 * <p>Properties: nothing but {@link NetlinkException} escapes; decoded fields stay in range.
 */
class NetlinkFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void datagram(byte[] data) {
        try {
            for (NetlinkMessage m : NetlinkMessage.split(data, data.length)) {
                assertThat(m.payload() + m.payloadLength()).isLessThanOrEqualTo(data.length);
                if (ConntrackDecoder.accepts(m)) {
                    ConntrackMessage c = ConntrackDecoder.decode(m);
                    assertThat(c.orig().proto()).isBetween(0, 255);
                    assertThat(c.orig().srcPort()).isBetween(-1, 65535);
                    if (c.origCounters() != null) assertThat(c.origCounters().bytes()).isNotNegative();
                }
                // Present every message to the NFLOG decoder too, as type bytes are the cheapest thing to fuzz.
                if (NflogDecoder.accepts(m)) {
                    NflogPacket p = NflogDecoder.decode(m);
                    assertThat(p.group()).isBetween(0, 65535);
                    assertThat(p.payload().length).isLessThanOrEqualTo(m.payloadLength());
                    if (p.hwaddr() != null) assertThat(p.hwaddr().length).isLessThanOrEqualTo(8);
                }
            }
        } catch (NetlinkException e) {
            assertThat(e.offset()).isBetween(0, data.length);
        }
    }
}
