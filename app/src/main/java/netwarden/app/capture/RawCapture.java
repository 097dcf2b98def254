package netwarden.app.capture;

import java.util.List;

/**
 * The {@code capture:} section of the config file as written (kebab-case keys, every field
 * nullable: absent means the default). Strings stay strings so {@code ${ENV}} references can be
 * expanded before {@link CaptureConfigBinder} validates them.
 *
 * <pre>
 * capture:
 *   enabled: true           # default: true when this section is written (run then captures live without --pcap)
 *   mode: auto              # auto | ebpf | pcap | proc
 *   interfaces: [eth0]      # default: the interface holding the default route
 *   netns: game             # optional: a network namespace name or path
 *   snaplen: 256
 *   promiscuous: false
 *   immediate: false        # true: per-packet delivery, ~8x the CPU
 *   buffer-size: 32MiB
 *   bpf-filter: "udp or tcp"
 *   handoff-capacity: 65536
 *   ebpf-flow-entries: 65536
 *   ebpf-object: /path/to/netwarden_tc.bpf.o
 *   poll-interval: 1s
 * </pre>
 */
public record RawCapture(Boolean enabled, String mode, List<String> interfaces, String netns, Integer snaplen, Boolean promiscuous,
                         Boolean immediate, String bufferSize, String bpfFilter, Integer handoffCapacity,
                         Integer ebpfFlowEntries, String ebpfObject, String pollInterval) {}
