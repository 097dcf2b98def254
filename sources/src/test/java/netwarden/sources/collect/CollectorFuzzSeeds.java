package netwarden.sources.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import netwarden.testkit.FlowExports.V5Record;
import netwarden.testkit.Frames;

/**
 * Seed inputs for {@link CollectorFuzzTest}: streams of datagrams joined by the 0xFFFFFFFF marker,
 * each prefixed with the byte that picks its port (even: NetFlow, odd: sFlow). {@link #main} writes
 * the files (run from the sources module directory); {@code CollectorFuzzSeedsTest} checks they are current.
 */
final class CollectorFuzzSeeds {
    static final Path INPUTS = Path.of("src/test/resources/netwarden/sources/collect/CollectorFuzzTestInputs");
    private static final int NETFLOW = 0, SFLOW = 1;

    private CollectorFuzzSeeds() {}

    static Map<String, Map<String, byte[]>> seeds() {
        byte[] v5 = FlowExports.v5(0x4000 | 10, new V5Record("10.0.0.1", "10.0.0.2", 1, 2, 17, 1, 100, 1, 2, 0, 5, 6));
        Field[] fields = {Field.of(8, 4), Field.of(12, 4), Field.of(7, 2), Field.of(11, 2), Field.of(4, 1), Field.of(1, 4),
                Field.of(2, 4)};
        byte[] body = {10, 0, 0, 1, 10, 0, 0, 2, 0, 1, 0, 2, 17, 0, 0, 0, 100, 0, 0, 0, 1};
        byte[] v9 = FlowExports.v9(7).template(256, fields).data(256, 1, body).toByteArray();
        byte[] ipfix = FlowExports.ipfix(1).template(300, fields).data(300, 1, body).toByteArray();
        byte[] frame = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("198.51.100.1", "10.0.0.1").packet(Frames.UDP,
                Frames.udp(40_000, 27_015, new byte[16])));
        byte[] sflow = FlowExports.sflow("172.16.0.3", 1).flowSample(100, 1, 2, frame, frame.length + 4, 5).counterSample(1, 2, 3)
                .toByteArray();
        Map<String, byte[]> datagrams = new LinkedHashMap<>();
        datagrams.put("every-format", stream(NETFLOW, v5, NETFLOW, v9, NETFLOW, ipfix, SFLOW, sflow));
        datagrams.put("misdirected", stream(SFLOW, v5, NETFLOW, sflow));
        return Map.of("datagrams", datagrams);
    }

    /** Alternating port bytes and datagrams, joined by the marker. */
    private static byte[] stream(Object... portsAndDatagrams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < portsAndDatagrams.length; i += 2) {
            if (i > 0) out.writeBytes(new byte[] {-1, -1, -1, -1});
            out.write((Integer) portsAndDatagrams[i]);
            out.writeBytes((byte[]) portsAndDatagrams[i + 1]);
        }
        return out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        for (var method : seeds().entrySet()) {
            Path dir = INPUTS.resolve(method.getKey());
            Files.createDirectories(dir);
            for (var e : method.getValue().entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
