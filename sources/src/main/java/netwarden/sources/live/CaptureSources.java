package netwarden.sources.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Clock;
import netwarden.sources.ebpf.EbpfSource;
import netwarden.sources.pcap.PcapSource;
import netwarden.sources.proc.ProcSource;

/**
 * Builds the live sources a {@link CaptureConfig} asks for: {@link #plan} decides mode and
 * interfaces (and says why), {@link #create} makes the sources (no side effects until started).
 */
public final class CaptureSources {
    /** The decisions taken from the config and the host. */
    public record Plan(ModeChoice choice, List<String> interfaces, Path netns, boolean defaultInterface) {
        public Plan {
            interfaces = List.copyOf(interfaces);
        }

        /** One log line: mode, reasons, interfaces. */
        public String describe() {
            return choice.describe() + "; interfaces: " + String.join(", ", interfaces)
                    + (defaultInterface ? " (default route)" : "") + (netns == null ? "" : "; network namespace " + netns);
        }
    }

    private CaptureSources() {}

    /** Chooses the mode and resolves the interfaces (the default-route one when none is configured). */
    public static Plan plan(CaptureConfig config) throws CaptureException {
        return plan(config, ModeSelector.Host.probe(config));
    }

    public static Plan plan(CaptureConfig config, ModeSelector.Host host) throws CaptureException {
        Path netns;
        try {
            netns = Netns.resolve(config.netns());
        } catch (IllegalArgumentException e) {
            throw new CaptureException(e.getMessage(), e);
        }
        ModeChoice choice = ModeSelector.choose(config.mode(), host);
        if (!config.interfaces().isEmpty()) return new Plan(choice, config.interfaces(), netns, false);
        try {
            return new Plan(choice, List.of(Netns.call(netns, DefaultRoute::find)), netns, true);
        } catch (CaptureException e) {
            throw e;
        } catch (Exception e) {
            throw new CaptureException("cannot find the default interface: " + e.getMessage(), e);
        }
    }

    /** One source per interface (pcap, eBPF) or one for all (proc). */
    public static List<LiveSource> create(CaptureConfig config, Plan plan, Clock clock) {
        var out = new ArrayList<LiveSource>();
        switch (plan.choice().mode()) {
            case EBPF -> plan.interfaces().forEach(i -> out.add(new EbpfSource(i, config, plan.netns(), clock)));
            case PCAP -> plan.interfaces().forEach(i -> out.add(new PcapSource(i, config, plan.netns())));
            case PROC -> out.add(new ProcSource(plan.interfaces(), config, plan.netns(), clock));
            case AUTO -> throw new IllegalStateException("a plan's mode is never auto");
        }
        return out;
    }
}
