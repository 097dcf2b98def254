package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.model.Ip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real export datagram of ../shared/testdata/flows cut at every byte and with every byte
 * inverted, decoded after the file's earlier datagrams (so templates are known): nothing but a
 * {@link FlowDecodeException} may come out (the corrupt captures excepted from "the real datagram
 * decodes").
 */
class SharedMutationTest {
    static Stream<Path> captures() throws IOException {
        if (!FlowCaptures.present()) return Stream.of(Path.of("absent"));
        try (Stream<Path> s = Files.walk(FlowCaptures.root())) {
            return s.filter(p -> p.toString().endsWith(".pcap") && !p.toString().contains("input-loopback")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void damageIsOnlyEverACountedError(Path pcap) throws IOException, DecodeException {
        assumeTrue(FlowCaptures.present(), "../shared/testdata/flows is absent: " + FlowCaptures.root().toAbsolutePath());
        boolean corrupt = pcap.toString().contains("invalid");
        FlowDecoder stream = new FlowDecoder(FlowDecoderConfig.defaults());
        UdpDatagrams udp = new UdpDatagrams(CaptureReader.open(MemorySegment.ofArray(Files.readAllBytes(pcap))));
        int datagrams = 0;
        while (udp.next()) {
            byte[] whole = udp.payload().toArray(ValueLayout.JAVA_BYTE);
            Ip source = udp.source();
            int records = outcome(stream, source, whole);
            if (!corrupt) assertThat(records).as("the real datagram decodes").isNotNegative();
            for (int n = 0; n < whole.length; n++) {
                outcome(stream, source, Arrays.copyOf(whole, n));
                byte[] flipped = whole.clone();
                flipped[n] ^= (byte) 0xff;
                outcome(stream, source, flipped);
            }
            outcome(stream, source, whole); // the real datagram last, so later ones see the real templates
            datagrams++;
        }
        assertThat(datagrams).isPositive();
    }

    /** Records decoded (-1 for a counted error); any other exception fails the test. */
    private static int outcome(FlowDecoder d, Ip source, byte[] payload) {
        try {
            DecodedDatagram r = d.decode(source, MemorySegment.ofArray(payload));
            return r.records().size();
        } catch (FlowDecodeException e) {
            return -1;
        }
    }
}
