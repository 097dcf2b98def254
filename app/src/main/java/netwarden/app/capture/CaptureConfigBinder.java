package netwarden.app.capture;

import static netwarden.app.config.Binding.or;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netwarden.app.config.Binding;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureMode;

/**
 * Turns the {@code capture:} section into a {@link CaptureConfig}: defaults for what is absent,
 * {@code ${ENV}} expansion, validation by the record. Problems are recorded in the {@link Binding}
 * at their key ({@code capture.snaplen}).
 */
public final class CaptureConfigBinder {
    private CaptureConfigBinder() {}

    public static CaptureConfig bind(RawCapture raw, Binding b) {
        CaptureConfig d = CaptureConfig.defaults();
        if (raw == null) return d;
        String modeText = b.string("capture.mode", raw.mode());
        CaptureMode mode = modeText == null ? d.mode() : b.check("capture.mode", () -> CaptureMode.parse(modeText), d.mode());
        List<String> interfaces = new ArrayList<>();
        if (raw.interfaces() != null) {
            for (int i = 0; i < raw.interfaces().size(); i++) {
                String name = raw.interfaces().get(i);
                if (name == null && b.failed("capture.interfaces[" + i + "]")) continue; // not text: reported
                String expanded = b.string("capture.interfaces[" + i + "]", name);
                if (name == null || expanded != null) interfaces.add(expanded == null ? null : expanded.trim()); // else reported
            }
        }
        String netns = raw.netns() == null ? d.netns() : b.string("capture.netns", raw.netns());
        String sizeText = b.string("capture.buffer-size", raw.bufferSize());
        int bufferSize = sizeText == null ? d.bufferSize() : b.check("capture.buffer-size", () -> bytes("capture.buffer-size", sizeText), d.bufferSize());
        String filter = raw.bpfFilter() == null ? d.bpfFilter() : b.string("capture.bpf-filter", raw.bpfFilter());
        String objectText = b.string("capture.ebpf-object", raw.ebpfObject());
        Path object = objectText == null ? d.ebpfObject() : Path.of(objectText);
        Duration poll = b.duration("capture.poll-interval", raw.pollInterval(), d.pollInterval());
        return b.check("", () -> new CaptureConfig(mode, interfaces, netns, or(raw.snaplen(), d.snaplen()), or(raw.promiscuous(), d.promiscuous()),
                or(raw.immediate(), d.immediate()), bufferSize, filter, or(raw.handoffCapacity(), d.handoffCapacity()),
                or(raw.ebpfFlowEntries(), d.ebpfFlowEntries()), object, poll), d);
    }

    /** A byte size: a whole number with an optional unit (KiB, MiB, GiB; KB, MB, GB are read the same). */
    public static int bytes(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : new String[][] {{"gib", "1073741824"}, {"mib", "1048576"}, {"kib", "1024"}, {"gb", "1073741824"},
                {"mb", "1048576"}, {"kb", "1024"}, {"b", "1"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        try {
            long v = Math.multiplyExact(Long.parseLong(t), unit);
            if (v > Integer.MAX_VALUE) throw new IllegalArgumentException(key + " is too large: " + text);
            return (int) v;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a size such as 32MiB or 1048576: '" + text + "'");
        }
    }
}
