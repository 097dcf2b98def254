package netwarden.app.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import netwarden.app.config.Durations;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureMode;

/**
 * Turns the {@code capture:} section into a {@link CaptureConfig}: defaults for what is absent,
 * {@code ${ENV}} expansion through the given function, validation by the record. Errors are
 * IllegalArgumentExceptions whose messages start with the dotted key ({@code capture.snaplen ...}),
 * so the config loader can point at the line.
 */
public final class CaptureConfigBinder {
    private CaptureConfigBinder() {}

    public static CaptureConfig bind(RawCapture raw, UnaryOperator<String> expand) {
        CaptureConfig d = CaptureConfig.defaults();
        if (raw == null) return d;
        CaptureMode mode = raw.mode() == null ? d.mode() : CaptureMode.parse(expand.apply(raw.mode()));
        List<String> interfaces = new ArrayList<>();
        if (raw.interfaces() != null) for (String i : raw.interfaces()) interfaces.add(i == null ? null : expand.apply(i).trim());
        String netns = raw.netns() == null ? d.netns() : expand.apply(raw.netns());
        int bufferSize = raw.bufferSize() == null ? d.bufferSize() : bytes("capture.buffer-size", expand.apply(raw.bufferSize()));
        String filter = raw.bpfFilter() == null ? d.bpfFilter() : expand.apply(raw.bpfFilter());
        Path object = raw.ebpfObject() == null ? d.ebpfObject() : Path.of(expand.apply(raw.ebpfObject()));
        Duration poll = d.pollInterval();
        if (raw.pollInterval() != null) {
            try {
                poll = Durations.parse(expand.apply(raw.pollInterval()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("capture.poll-interval: " + e.getMessage(), e);
            }
        }
        return new CaptureConfig(mode, interfaces, netns, or(raw.snaplen(), d.snaplen()), or(raw.promiscuous(), d.promiscuous()),
                or(raw.immediate(), d.immediate()), bufferSize, filter, or(raw.handoffCapacity(), d.handoffCapacity()),
                or(raw.ebpfFlowEntries(), d.ebpfFlowEntries()), object, poll);
    }

    /** A byte size: a whole number with an optional unit (KiB, MiB, GiB; KB, MB, GB are read the same). */
    static int bytes(String key, String text) {
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

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
