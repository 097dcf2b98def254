package netwarden.sources.live;

import java.util.Locale;

/** How live traffic is read: the best the host allows ({@link #AUTO}) or one named source. */
public enum CaptureMode {
    AUTO, EBPF, PCAP, PROC;

    /** Config and flag spelling: {@code auto}, {@code ebpf}, {@code pcap}, {@code proc}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaptureMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CaptureMode m : values()) if (m.key().equals(t)) return m;
        throw new IllegalArgumentException("capture.mode must be auto, ebpf, pcap or proc: '" + text + "'");
    }
}
