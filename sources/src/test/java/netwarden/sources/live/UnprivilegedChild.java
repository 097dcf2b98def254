package netwarden.sources.live;

import netwarden.model.Clock;
import netwarden.sources.ebpf.EbpfSource;
import netwarden.sources.pcap.PcapSource;

/**
 * Run by {@link UnprivilegedCaptureTest} in a JVM without CAP_NET_RAW, CAP_NET_ADMIN, CAP_BPF and
 * CAP_SYS_ADMIN: prints what mode selection says and how pcap and eBPF capture fail, one line each.
 */
public final class UnprivilegedChild {
    private UnprivilegedChild() {}

    public static void main(String[] args) throws Exception {
        System.out.println("choice: " + ModeSelector.choose(CaptureMode.AUTO, ModeSelector.Host.probe(CaptureConfig.defaults())).describe());
        for (LiveSource s : new LiveSource[] {new PcapSource("lo", CaptureConfig.defaults(), null),
            new EbpfSource("lo", CaptureConfig.defaults(), null, Clock.SYSTEM)}) {
            try {
                s.start(new Handoff());
                System.out.println(s.kind() + ": started");
                s.close();
            } catch (CaptureException e) {
                System.out.println(s.kind() + ": " + e.getMessage().replace('\n', ' '));
            }
        }
    }
}
