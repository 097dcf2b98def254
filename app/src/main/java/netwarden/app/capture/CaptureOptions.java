package netwarden.app.capture;

import java.util.List;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The live-capture flags of {@code netwarden run}, as a picocli mixin ({@code @Mixin CaptureOptions
 * capture;}): {@code --capture auto|ebpf|pcap|proc} and {@code --interface IF} (repeatable). Flags
 * override the config file's {@code capture:} section.
 */
public final class CaptureOptions {
    @Option(names = "--capture", paramLabel = "auto|ebpf|pcap|proc", converter = ModeConverter.class,
            description = "Capture live traffic: auto picks ebpf (root or CAP_BPF+CAP_NET_ADMIN), else pcap (CAP_NET_RAW), else proc.")
    CaptureMode mode;

    @Option(names = "--interface", paramLabel = "IF",
            description = "Interface to capture on; repeat for several (default: the one holding the default route).")
    List<String> interfaces;

    /** True when either flag was given (the run command then captures live instead of reading --pcap). */
    public boolean requested() {
        return mode != null || (interfaces != null && !interfaces.isEmpty());
    }

    /** {@code base} with the flags given on the command line applied. */
    public CaptureConfig applyTo(CaptureConfig base) {
        CaptureConfig c = base;
        if (mode != null) c = c.withMode(mode);
        if (interfaces != null && !interfaces.isEmpty()) c = c.withInterfaces(interfaces);
        return c;
    }

    static final class ModeConverter implements ITypeConverter<CaptureMode> {
        @Override
        public CaptureMode convert(String value) {
            return CaptureMode.parse(value);
        }
    }
}
