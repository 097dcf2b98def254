package netwarden.sources.ebpf;

import java.nio.file.Path;
import netwarden.model.Clock;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.Handoff;

/**
 * A separate JVM for {@link EbpfLifecycleTest}: attaches an eBPF source to the interface named in
 * the arguments, prints "attached", and waits to be killed (SIGTERM must detach through the
 * source's shutdown hook). Never exits on its own within the test's time bound... but at most 60 s.
 */
public final class EbpfChild {
    private EbpfChild() {}

    public static void main(String[] args) throws Exception {
        Path netns = Path.of(args[0]);
        EbpfSource source = new EbpfSource(args[1], CaptureConfig.defaults(), netns, Clock.SYSTEM);
        source.start(new Handoff());
        System.out.println("attached");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
