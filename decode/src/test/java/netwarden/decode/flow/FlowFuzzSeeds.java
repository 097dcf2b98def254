package netwarden.decode.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import netwarden.testkit.FlowExports.V5Record;

/**
 * Seed inputs for {@link FlowFuzzTest}, built with the unit tests' fixtures; datagrams of one stream
 * are joined by the 0xFFFFFFFF marker the targets split on. {@link #main} writes the files (run from
 * the decode module directory); {@code FlowFuzzSeedsTest} checks they are current.
 */
final class FlowFuzzSeeds {
    static final Path INPUTS = Path.of("src/test/resources/netwarden/decode/flow/FlowFuzzTestInputs");
    private static final byte[] MARK = {-1, -1, -1, -1};

    private FlowFuzzSeeds() {}

    static Map<String, Map<String, byte[]>> seeds() {
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        all.put("netflow5", Map.of("two-records", FlowExports.v5(0x4000 | 10,
                new V5Record("10.0.0.1", "10.0.0.2", 1, 2, 17, 1, 100, 1, 2, 0, 5, 6),
                new V5Record("10.0.0.3", "10.0.0.2", 3, 4, 6, 1, 60, 1, 2, 2, 5, 6))));
        all.put("netflow9", Map.of("options-template-data", NetflowV9Test.concat(NetflowV9Test.samplerOptions(1, 100), MARK,
                FlowExports.v9(7).template(256, NetflowV9Test.FLOW).data(256, 1, NetflowV9Test.flow("10.0.0.1", 1, 9))
                        .toByteArray(), MARK, FlowExports.v9(7).data(256, 1, NetflowV9Test.flow("10.0.0.2", 1, 9)).toByteArray())));
        byte[] frame = SflowTest.FRAME;
        all.put("ipfix", Map.of("variable-enterprise-frame", NetflowV9Test.concat(FlowExports.ipfix(1)
                .template(400, Field.of(8, 4), Field.of(82, 65535), new Field(1, 8, 29305), new Field(5, 2, 9), Field.of(315, 65535))
                .data(400, 1, new ByteWriter().u32(0x0a000001).u8(2).u16(0x6574).u64(5).u16(7).u8(frame.length).bytes(frame)
                        .toByteArray())
                .optionsTemplate(401, 1, Field.of(302, 2), Field.of(305, 4), Field.of(306, 4)).toByteArray(), MARK,
                FlowExports.ipfix(1).withdraw(400, false).toByteArray())));
        all.put("sflow", Map.of("flow-and-counters", FlowExports.sflow("172.16.0.3", 1).flowSample(1024, 1, 2, frame, 1500, 5)
                .counterSample(1, 2, 3).toByteArray()));
        all.put("templateCacheFile", Map.of("three-templates", TemplateCacheFile.write(TemplateCacheFileTestSample.sample())));
        return all;
    }

    public static void main(String[] args) throws IOException {
        for (var method : seeds().entrySet()) {
            Path dir = INPUTS.resolve(method.getKey());
            Files.createDirectories(dir);
            for (var e : method.getValue().entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
