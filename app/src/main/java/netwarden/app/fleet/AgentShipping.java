package netwarden.app.fleet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import netwarden.app.history.RowsShipping;
import netwarden.model.Clock;
import netwarden.ship.format.ShipRow;
import netwarden.ship.http.Backoff;
import netwarden.ship.http.HttpShipper;
import netwarden.ship.http.ShipperConfig;
import netwarden.ship.http.Sleeper;
import netwarden.ship.kafka.KafkaShipper;
import netwarden.ship.metrics.ShipMetrics;
import netwarden.ship.rows.RowsCodec;
import netwarden.ship.spool.Spool;
import netwarden.ship.spool.SpoolConfig;
import netwarden.ship.spool.SpoolSink;
import netwarden.ship.spool.SpoolSyncer;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkWorker;
import netwarden.store.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's shipping: the rows its store would keep become shipped rows on a {@link SinkWorker} (bounded; what
 * does not fit is dropped and counted), are appended to the on-disk {@link Spool} (fsynced by its group commit)
 * and drained by the HTTPS or Kafka shipper, which retries forever. A heartbeat row every
 * {@link AgentSettings#heartbeat()} tells the server the agent lives even without traffic. Inert until
 * {@link #start}; {@link #close} makes what was offered durable and stops (the spool keeps the rest for the next start).
 */
public final class AgentShipping implements RowsShipping {
    static final int QUEUE = 200_000, BATCH = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(AgentShipping.class);

    private final AgentSettings settings;
    private final Clock clock;
    private final Spool spool;
    private final SpoolSyncer syncer;
    private final SinkWorker<ShipRow> worker;
    private final ScheduledExecutorService heartbeats;
    private final java.util.Map<netwarden.store.Table, java.util.concurrent.atomic.LongAdder> offered = new java.util.EnumMap<>(netwarden.store.Table.class);
    private HttpShipper http;
    private KafkaShipper kafka;

    public AgentShipping(AgentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        SpoolConfig sc = new SpoolConfig(settings.spoolDir(), settings.spoolMaxBytes(),
                Math.min(SpoolConfig.DEFAULT_SEGMENT_BYTES, settings.spoolMaxBytes() / 4), Duration.ofSeconds(1));
        this.spool = new Spool(sc, settings.agentId(), clock);
        this.syncer = new SpoolSyncer(spool, sc);
        this.worker = new SinkWorker<>(new SpoolSink(spool), SinkConfig.ofCapacity(QUEUE).withMaxBatch(BATCH), clock);
        for (netwarden.store.Table t : netwarden.store.Table.values()) offered.put(t, new java.util.concurrent.atomic.LongAdder());
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("netwarden-heartbeat").unstarted(r));
    }

    @Override
    public void start(PrometheusRegistry registry) throws IOException {
        spool.open();
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1), new Random());
        if (settings.kafka() != null) {
            kafka = new KafkaShipper(spool, settings.kafkaTopic(), Map.of("bootstrap.servers", settings.kafka(),
                    "client.id", "netwarden-agent-" + settings.agentId()), backoff, Sleeper.SYSTEM, Duration.ofMillis(200));
            ShipMetrics.registerAgent(registry, spool.stats(), kafka::sentBatches, kafka::sentRows, kafka::retries);
        } else {
            ShipperConfig config = ShipperConfig.defaults(settings.server(), settings.token());
            http = new HttpShipper(spool, config, ShippingClient.of(settings), backoff, Sleeper.SYSTEM);
            ShipMetrics.registerAgent(registry, spool.stats(), http);
        }
        CounterWithCallback.builder().name("netwarden_ship_queue_dropped_rows_total")
                .help("Rows not shipped because the spool's input queue was full.")
                .callback(cb -> cb.call(worker.dropped())).register(registry);
        worker.start();
        syncer.start();
        if (http != null) http.start();
        else kafka.start();
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, 0, every, TimeUnit.MILLISECONDS);
        LOG.info("agent {} shipping to {} (spool {}, epoch {}, {} bytes at most)", settings.agentId(),
                settings.kafka() != null ? "Kafka " + settings.kafka() + " topic " + settings.kafkaTopic() : settings.server(),
                settings.spoolDir(), spool.epoch(), settings.spoolMaxBytes());
    }

    private void heartbeat() {
        worker.offer(new ShipRow(ShipRow.HEARTBEAT, JsonNodeFactory.instance.objectNode().put("ts_ms", clock.nanos() / 1_000_000)));
    }

    @Override
    public void offer(Rows.Batch batch) {
        if (batch.rows() == 0) return;
        for (netwarden.store.Table t : netwarden.store.Table.values()) offered.get(t).add(batch.rows(t));
        for (ShipRow r : RowsCodec.encode(batch)) worker.offer(r);
    }

    /** Rows of {@code table} handed to shipping so far (what the server should hold of an append-only table). */
    public long offered(netwarden.store.Table table) {
        return offered.get(table).sum();
    }

    /** The spool (tests read its counters). */
    public Spool spool() {
        return spool;
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        worker.close(Duration.ofSeconds(5)); // appends what is queued and syncs the spool
        try {
            // A moment for the shipper to send what was just made durable; the rest waits in the spool.
            long until = System.nanoTime() + settings.drainOnClose().toNanos();
            while (spool.acknowledged() < spool.durable() && System.nanoTime() < until) Thread.sleep(20);
            if (http != null) http.close();
            if (kafka != null) kafka.close();
            syncer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("closing the spool {}: {}", settings.spoolDir(), e.toString());
        }
    }
}
