package netwarden.decode.flow;

import java.util.List;

/**
 * Limits and overrides of a {@link FlowDecoder}.
 *
 * @param maxTemplates templates kept across all exporters; new ones beyond are refused and counted
 * @param maxHeldSets data sets held while waiting for their template; the oldest is dropped beyond
 * @param heldDatagrams a held set is dropped after this many later datagrams (of any exporter)
 *     brought no template for it: "briefly", measured without a clock
 * @param overrides sampling rates forced per exporter or prefix
 */
public record FlowDecoderConfig(int maxTemplates, int maxHeldSets, int heldDatagrams, List<SamplingOverride> overrides) {
    public FlowDecoderConfig {
        if (maxTemplates < 1) throw new IllegalArgumentException("maxTemplates must be positive: " + maxTemplates);
        if (maxHeldSets < 0) throw new IllegalArgumentException("maxHeldSets must not be negative: " + maxHeldSets);
        if (heldDatagrams < 0) throw new IllegalArgumentException("heldDatagrams must not be negative: " + heldDatagrams);
        overrides = List.copyOf(overrides);
    }

    public static FlowDecoderConfig defaults() {
        return new FlowDecoderConfig(65_536, 256, 1_000, List.of());
    }

    public FlowDecoderConfig withOverrides(List<SamplingOverride> newOverrides) {
        return new FlowDecoderConfig(maxTemplates, maxHeldSets, heldDatagrams, newOverrides);
    }
}
