package netwarden.sources.live;

import java.util.ArrayList;
import java.util.List;
import netwarden.sources.ebpf.EbpfSource;
import netwarden.sources.pcap.PcapSource;

/**
 * Picks the capture mode: {@code auto} takes eBPF when the process may load and attach it (root,
 * or CAP_BPF + CAP_NET_ADMIN), the kernel has BTF and the eBPF object and libbpf are present;
 * else pcap when it has CAP_NET_RAW and libpcap loads; else proc, which needs nothing. An explicit
 * mode the host cannot run fails at once with the reason.
 */
public final class ModeSelector {
    /** What the host offers; each reason is null when that part is fine. */
    public record Host(Capabilities caps, String ebpfUnavailable, String pcapUnavailable) {
        public static Host probe(CaptureConfig config) {
            return new Host(Capabilities.ofProcess(), EbpfSource.unavailableReason(config), PcapSource.unavailableReason());
        }
    }

    private ModeSelector() {}

    public static ModeChoice choose(CaptureMode requested, Host host) throws CaptureException {
        String ebpf = ebpfProblem(host), pcap = pcapProblem(host);
        return switch (requested) {
            case EBPF -> {
                if (ebpf != null) throw new CaptureException("capture.mode ebpf is not possible here: " + ebpf
                        + " (use capture.mode auto, pcap or proc)");
                yield new ModeChoice(requested, CaptureMode.EBPF, List.of("ebpf: " + ebpfOk()));
            }
            case PCAP -> {
                if (pcap != null) throw new CaptureException("capture.mode pcap is not possible here: " + pcap
                        + " (use capture.mode auto or proc)");
                yield new ModeChoice(requested, CaptureMode.PCAP, List.of("pcap: CAP_NET_RAW present, libpcap loaded"));
            }
            case PROC -> new ModeChoice(requested, CaptureMode.PROC, List.of("proc: needs no privileges"));
            case AUTO -> {
                var reasons = new ArrayList<String>();
                if (ebpf == null) {
                    reasons.add("ebpf: " + ebpfOk());
                    yield new ModeChoice(requested, CaptureMode.EBPF, reasons);
                }
                reasons.add("not ebpf: " + ebpf);
                if (pcap == null) {
                    reasons.add("pcap: CAP_NET_RAW present, libpcap loaded");
                    yield new ModeChoice(requested, CaptureMode.PCAP, reasons);
                }
                reasons.add("not pcap: " + pcap);
                reasons.add("proc: needs no privileges (connections and interface counters only, no per-packet counts)");
                yield new ModeChoice(requested, CaptureMode.PROC, reasons);
            }
        };
    }

    private static String ebpfOk() {
        return "CAP_BPF (or CAP_SYS_ADMIN) and CAP_NET_ADMIN present, kernel BTF present, eBPF object and libbpf loaded";
    }

    static String ebpfProblem(Host host) {
        if (!host.caps().canEbpf())
            return "needs root or CAP_BPF + CAP_NET_ADMIN (missing " + String.join(", ", host.caps().missingForEbpf()) + ")";
        return host.ebpfUnavailable();
    }

    static String pcapProblem(Host host) {
        if (!host.caps().canPcap()) return "needs root or CAP_NET_RAW (missing CAP_NET_RAW)";
        return host.pcapUnavailable();
    }
}
