package netwarden.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import netwarden.engine.DiscoveryConfig;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.engine.PlayerConfig;
import netwarden.engine.WindowConfig;
import netwarden.model.Clock;
import netwarden.model.EventListener;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.ServiceSpec;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.CaptureMode;
import netwarden.sources.live.CaptureSources;
import netwarden.sources.live.LivePipeline;
import netwarden.sources.live.LiveSource;

/**
 * A diagnostic and benchmark driver: captures live traffic into an engine with one configured UDP
 * service for a fixed time and prints one JSON line per second (capture counters, the service's
 * packets, this process's CPU time and RSS), then a summary line. Used by
 * {@code bench/capture-bench.sh}; also handy to check that capture works on a host.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp netwarden.jar netwarden.bench.CaptureProbe \
 *     --mode ebpf --interface eth0 [--netns NAME] --service 10.0.0.1:27960 --seconds 30 [--stop-file F]
 * </pre>
 * It stops after {@code --seconds} or as soon as the stop file exists, whichever comes first;
 * {@code --quiet true} prints only the first and last lines (so CPU measurements see netwarden, not
 * the probe's own reporting).
 */
public final class CaptureProbe {
    private CaptureProbe() {}

    public static void main(String[] args) throws Exception {
        CaptureConfig config = CaptureConfig.defaults();
        String service = null;
        int seconds = 10;
        Path stopFile = null;
        boolean quiet = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mode" -> config = config.withMode(CaptureMode.parse(args[i + 1]));
                case "--interface" -> config = config.withInterfaces(List.of(args[i + 1]));
                case "--netns" -> config = config.withNetns(args[i + 1]);
                case "--service" -> service = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--stop-file" -> stopFile = Path.of(args[i + 1]);
                case "--quiet" -> quiet = Boolean.parseBoolean(args[i + 1]);
                case "--immediate" -> config = config.withImmediate(Boolean.parseBoolean(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --mode, --interface, --netns, --service ADDR:PORT, --seconds, --stop-file PATH, --immediate true|false, --quiet true|false)");
            }
        }
        if (service == null) throw new IllegalArgumentException("--service ADDR:PORT is required");
        int colon = service.lastIndexOf(':');
        ServiceKey key = new ServiceKey(Ip.parse(service.substring(0, colon)), Proto.UDP, Integer.parseInt(service.substring(colon + 1)));
        EngineConfig engineConfig = new EngineConfig(List.of(new ServiceSpec("probe", key, null)), DiscoveryConfig.defaults(),
                PlayerConfig.defaults(), WindowConfig.defaults(), 200_000);
        Engine engine = new Engine(engineConfig, EventListener.NONE, true);

        CaptureSources.Plan plan = CaptureSources.plan(config);
        System.err.println(plan.describe());
        List<LiveSource> sources = CaptureSources.create(config, plan, Clock.SYSTEM);
        try (LivePipeline pipeline = new LivePipeline(sources, Clock.SYSTEM)) {
            pipeline.start(engine);
            System.out.println(json("ready", 0, sources, engine));
            int s = 0;
            while (s < seconds && pipeline.failure() == null && (stopFile == null || !Files.exists(stopFile))) {
                Thread.sleep(1000);
                s++;
                if (!quiet) System.out.println(json("second", s, sources, engine));
            }
            seconds = s;
            if (pipeline.failure() != null) throw new CaptureException("capture failed: " + pipeline.failure().getMessage());
        }
        engine.finish();
        System.out.println(json("final", seconds, sources, engine));
    }

    private static String json(String kind, int second, List<LiveSource> sources, Engine engine) throws Exception {
        long packets = 0, bytes = 0, kernel = 0, iface = 0, handoff = 0, evictions = 0;
        for (LiveSource src : sources) {
            for (CaptureCounters c : src.counters()) {
                packets += c.packets();
                bytes += c.bytes();
                kernel += c.drops(CaptureCounters.KERNEL);
                iface += c.drops(CaptureCounters.INTERFACE);
                handoff += c.drops(CaptureCounters.HANDOFF);
                evictions += c.evictions();
            }
        }
        List<ServiceSnapshot> services = engine.published().get().services();
        long servicePackets = services.isEmpty() ? 0 : services.getFirst().packetsIn();
        long[] cpuRss = cpuAndRss();
        return String.format(Locale.ROOT, "{\"kind\":\"%s\",\"second\":%d,\"capture_packets\":%d,\"capture_bytes\":%d,"
                        + "\"service_packets\":%d,\"kernel_drops\":%d,\"interface_drops\":%d,\"handoff_drops\":%d,\"evictions\":%d,"
                        + "\"cpu_ms\":%d,\"rss_kib\":%d,\"hwm_kib\":%d}",
                kind, second, packets, bytes, servicePackets, kernel, iface, handoff, evictions, cpuRss[0], cpuRss[1], cpuRss[2]);
    }

    /** {user+system CPU ms of this process, VmRSS KiB, VmHWM KiB}. */
    private static long[] cpuAndRss() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        long rss = 0, hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            if (line.startsWith("VmHWM:")) hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return new long[] {ticks * 1000 / 100, rss, hwm}; // USER_HZ is 100 on Linux
    }
}
