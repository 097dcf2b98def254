package netwarden.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.Clock;
import netwarden.sources.collect.CollectKind;
import netwarden.sources.collect.CollectListener;
import netwarden.sources.collect.CollectorConfig;
import netwarden.sources.collect.CollectorCounters;
import netwarden.sources.collect.FlowCollector;
import netwarden.sources.collect.KernelUdp;

/**
 * netwarden's side of the end-to-end flow benchmark: the real collector (receive thread, bounded queue,
 * decode thread) on 127.0.0.1:PORT feeding a real {@link Engine} on this (the pipeline) thread, as
 * {@code run --collect netflow=127.0.0.1:PORT} does. Waits for the first record, then runs until no record
 * arrived for 2 s, and prints the records that reached the engine, over the time from the first to the
 * last, and what was lost where: kernel (socket buffer full, /proc/net/udp), queue (decoder behind).
 *
 * <p>{@code java ... netwarden.bench.CollectorE2E PORT [MAX_SECONDS]}
 */
public final class CollectorE2E {
    private CollectorE2E() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long maxSeconds = args.length > 1 ? Long.parseLong(args[1]) : 120;
        CollectorConfig config = CollectorConfig.defaults().withListeners(
                List.of(new CollectListener(CollectKind.NETFLOW, new InetSocketAddress("127.0.0.1", port))));
        Engine engine = new Engine(EngineConfig.defaults(), e -> { }, true);
        long kernelBefore = KernelUdp.drops(port);
        try (FlowCollector collector = new FlowCollector(config, Clock.SYSTEM, r -> { })) {
            collector.start();
            System.out.println("ready on 127.0.0.1:" + port);
            long records = 0, first = 0, last = 0, deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                int n = collector.drainTo(engine, Duration.ofMillis(100));
                long now = System.nanoTime();
                if (n > 0) {
                    if (records == 0) first = now;
                    records += n;
                    last = now;
                }
                engine.advanceTo(Clock.SYSTEM.nanos());
                if (records > 0 && n == 0 && now - last > 2_000_000_000L && collector.backlog() == 0) break;
            }
            CollectorCounters c = collector.counters();
            double seconds = Math.max(1e-9, (last - first) / 1e9);
            long kernel = KernelUdp.drops(port) - kernelBefore;
            System.out.printf("netwarden: %d records into the engine in %.2f s = %.0f records/s; datagrams lost: kernel %d, queue %d;"
                    + " records dropped: pipeline %d, malformed datagrams %d%n", records, seconds, records / seconds, kernel,
                    collector.queueDrops(), c.pipelineDrops(), c.malformed());
        }
    }
}
