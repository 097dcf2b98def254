package netwarden.decode.flow;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;

/** Reads the flow exports of ../shared/testdata/flows through {@link UdpDatagrams} and a {@link FlowDecoder}. */
final class FlowCaptures {
    /** One datagram's outcome: its result, or the error it raised. */
    record Outcome(Path file, DecodedDatagram result, FlowDecodeException error) {}

    private FlowCaptures() {}

    static Path root() {
        return Path.of(System.getProperty("netwarden.shared", "../../shared")).resolve("testdata").resolve("flows");
    }

    static boolean present() {
        return Files.isRegularFile(root().resolve("MANIFEST.md"));
    }

    /** Decodes the files in order as one stream. */
    static List<Outcome> decode(FlowDecoder decoder, List<Path> files) throws IOException, DecodeException {
        List<Outcome> out = new ArrayList<>();
        for (Path file : files) {
            CaptureReader reader = CaptureReader.open(MemorySegment.ofArray(Files.readAllBytes(file)));
            UdpDatagrams d = new UdpDatagrams(reader);
            while (d.next()) {
                try {
                    out.add(new Outcome(file, decoder.decode(d.source(), d.payload()), null));
                } catch (FlowDecodeException e) {
                    out.add(new Outcome(file, null, e));
                }
            }
        }
        return out;
    }
}
