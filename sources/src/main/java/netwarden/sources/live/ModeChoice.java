package netwarden.sources.live;

import java.util.List;

/**
 * The capture mode chosen and why: for {@code auto}, why each better mode was not possible.
 *
 * @param requested what the config asked for
 * @param mode      what will run (never AUTO)
 * @param reasons   one line per mode considered, best first
 */
public record ModeChoice(CaptureMode requested, CaptureMode mode, List<String> reasons) {
    public ModeChoice {
        if (mode == CaptureMode.AUTO) throw new IllegalArgumentException("a chosen mode cannot be auto");
        reasons = List.copyOf(reasons);
    }

    /** One log line: {@code capture mode pcap (auto): not ebpf: ...; pcap: CAP_NET_RAW present}. */
    public String describe() {
        return "capture mode " + mode.key() + " (" + (requested == CaptureMode.AUTO ? "auto" : "configured") + "): "
                + String.join("; ", reasons);
    }
}
