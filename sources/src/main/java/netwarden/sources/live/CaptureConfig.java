package netwarden.sources.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * Live capture settings ({@code capture:} in the config file). Validated here; messages start with
 * the dotted config key.
 *
 * @param mode             auto (best allowed: ebpf, else pcap, else proc) or one mode
 * @param interfaces       interfaces to watch; empty = the one holding the default route
 * @param netns            network namespace to watch in (a name under /run/netns or a path), null = our own
 * @param snaplen          bytes kept per frame by pcap (headers are enough; 64..262144)
 * @param promiscuous      pcap promiscuous mode (off: only traffic to and from this host)
 * @param immediate        pcap immediate mode: deliver each packet at once. Off by default: libpcap then
 *                         hands over whole TPACKET_V3 blocks (at most 100 ms late, inside the 250 ms
 *                         close delay), which costs ~8x less CPU (measured: 4 % vs 33 % of a core at
 *                         100 kpps, see docs/capture.md)
 * @param bufferSize       pcap kernel ring size in bytes (at least 1 MiB)
 * @param bpfFilter        pcap filter expression (tcpdump syntax), null or blank = everything
 * @param handoffCapacity  frames (pcap) a capture thread may queue for the pipeline before dropping
 * @param ebpfFlowEntries  size of each eBPF flow map (LRU); flows beyond it are evicted and counted
 * @param ebpfObject       eBPF object file to load instead of the one built into the jar, or null
 * @param pollInterval     how often the proc source reads /proc (whole seconds)
 */
public record CaptureConfig(CaptureMode mode, List<String> interfaces, String netns, int snaplen, boolean promiscuous,
                            boolean immediate, int bufferSize, String bpfFilter, int handoffCapacity,
                            int ebpfFlowEntries, Path ebpfObject, Duration pollInterval) {
    public static final int DEFAULT_SNAPLEN = 256;
    public static final int DEFAULT_BUFFER_SIZE = 32 << 20;
    public static final int DEFAULT_HANDOFF = 65_536;
    public static final int DEFAULT_FLOW_ENTRIES = 65_536;

    public CaptureConfig {
        Objects.requireNonNull(mode, "capture.mode");
        interfaces = List.copyOf(Objects.requireNonNull(interfaces, "capture.interfaces"));
        var seen = new HashSet<String>();
        for (String i : interfaces) {
            if (i == null || !i.matches("[A-Za-z0-9_.:@-]{1,15}"))
                throw new SettingException("capture.interfaces", null, "capture.interfaces: not an interface name: '" + i + "'");
            if (!seen.add(i)) throw new SettingException("capture.interfaces", i, "capture.interfaces: listed twice: " + i);
        }
        if (netns != null && netns.isBlank()) netns = null;
        if (snaplen < 64 || snaplen > 262_144) throw new SettingException("capture.snaplen", snaplen, "capture.snaplen must be 64..262144: " + snaplen);
        if (bufferSize < (1 << 20)) throw new SettingException("capture.buffer-size", bufferSize, "capture.buffer-size must be at least 1 MiB: " + bufferSize);
        if (bpfFilter != null && bpfFilter.isBlank()) bpfFilter = null;
        if (handoffCapacity < 1024 || handoffCapacity > (1 << 22))
            throw new SettingException("capture.handoff-capacity", handoffCapacity, "capture.handoff-capacity must be 1024..4194304: " + handoffCapacity);
        if (ebpfFlowEntries < 1024 || ebpfFlowEntries > (1 << 24))
            throw new SettingException("capture.ebpf-flow-entries", ebpfFlowEntries, "capture.ebpf-flow-entries must be 1024..16777216: " + ebpfFlowEntries);
        Objects.requireNonNull(pollInterval, "capture.poll-interval");
        if (pollInterval.toNanos() % 1_000_000_000L != 0 || pollInterval.toSeconds() < 1 || pollInterval.toSeconds() > 60)
            throw new SettingException("capture.poll-interval", pollInterval, "capture.poll-interval must be a whole number of seconds, 1s..60s: " + pollInterval);
    }

    public static CaptureConfig defaults() {
        return new CaptureConfig(CaptureMode.AUTO, List.of(), null, DEFAULT_SNAPLEN, false, false, DEFAULT_BUFFER_SIZE,
                null, DEFAULT_HANDOFF, DEFAULT_FLOW_ENTRIES, null, Duration.ofSeconds(1));
    }

    public CaptureConfig withMode(CaptureMode m) {
        return new CaptureConfig(m, interfaces, netns, snaplen, promiscuous, immediate, bufferSize, bpfFilter,
                handoffCapacity, ebpfFlowEntries, ebpfObject, pollInterval);
    }

    public CaptureConfig withInterfaces(List<String> ifs) {
        return new CaptureConfig(mode, ifs, netns, snaplen, promiscuous, immediate, bufferSize, bpfFilter,
                handoffCapacity, ebpfFlowEntries, ebpfObject, pollInterval);
    }

    public CaptureConfig withNetns(String ns) {
        return new CaptureConfig(mode, interfaces, ns, snaplen, promiscuous, immediate, bufferSize, bpfFilter,
                handoffCapacity, ebpfFlowEntries, ebpfObject, pollInterval);
    }

    public CaptureConfig withEbpfFlowEntries(int entries) {
        return new CaptureConfig(mode, interfaces, netns, snaplen, promiscuous, immediate, bufferSize, bpfFilter,
                handoffCapacity, entries, ebpfObject, pollInterval);
    }

    public CaptureConfig withImmediate(boolean on) {
        return new CaptureConfig(mode, interfaces, netns, snaplen, promiscuous, on, bufferSize, bpfFilter,
                handoffCapacity, ebpfFlowEntries, ebpfObject, pollInterval);
    }

    public CaptureConfig withEbpfObject(Path object) {
        return new CaptureConfig(mode, interfaces, netns, snaplen, promiscuous, immediate, bufferSize, bpfFilter,
                handoffCapacity, ebpfFlowEntries, object, pollInterval);
    }

    public CaptureConfig withBpfFilter(String filter) {
        return new CaptureConfig(mode, interfaces, netns, snaplen, promiscuous, immediate, bufferSize, filter,
                handoffCapacity, ebpfFlowEntries, ebpfObject, pollInterval);
    }
}
