package netwarden.sinks.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import netwarden.model.Clock;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.enrich.Enricher;
import netwarden.enrich.GeoMetrics;
import netwarden.enrich.SeenAddresses;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.route.Sink;
import netwarden.sinks.route.SinkConfig;
import netwarden.sinks.route.SinkException;
import netwarden.sinks.route.SinkWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends engine events (and Alertmanager alerts) to notification channels by the configured routes,
 * with cooldowns and storm digests. A {@link Sink} named {@code notify}: put it behind a
 * {@link SinkWorker} ({@link #sinkConfig}) in the {@link netwarden.sinks.route.EventRouter}.
 *
 * <p>Design notes: the worker thread hands it events in order; it enriches them (GeoIP lookups and
 * the returning-player store may block here, never on the pipeline), applies {@link RouterCore}'s
 * rules, and offers the notices to each channel's own worker, so a slow or hanging channel only
 * fills its own queue. Digest windows close on {@link #tick} at the time {@link #nextDeadline()}
 * names (from the injected clock), even when no events come; {@link #flush()} (the worker's close)
 * sends the pending digests. An event that fails is logged and counted by the worker and does not
 * stop the rest of its batch. {@link #start()} starts the channels, {@link #closeChannels} flushes
 * and closes them, after the worker in front of this router is closed.
 */
public final class NotificationRouter implements Sink<Event> {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationRouter.class);

    /**
     * What the router reads besides its config.
     *
     * @param enricher  {@link Enricher#none()} when there is no GeoIP data
     * @param seen      the returning-player store, or null for no "returning" marker
     * @param geo       for the VPN-join counter, or null
     * @param snapshots the engine's latest snapshot (services, players); may answer null
     */
    public record Deps(Enricher enricher, SeenAddresses seen, GeoMetrics geo, Supplier<EngineSnapshot> snapshots, Clock clock,
                       NotifyMetrics metrics) {
        public Deps {
            Objects.requireNonNull(enricher, "enricher");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    private final List<Channel> channels;
    private final Map<String, Channel> byName;
    private final RouterCore core;
    private final Clock clock;
    private final SinkConfig sinkConfig;
    private final Maintenance maintenance = new Maintenance();

    /** No side effects; {@link #start()} starts the channels. */
    public NotificationRouter(NotifyConfig config, List<Channel> channels, Deps deps) {
        this.channels = List.copyOf(channels);
        this.byName = this.channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.clock = deps.clock();
        this.sinkConfig = SinkConfig.ofCapacity(config.queueCapacity());
        NoticeFactory notices = new NoticeFactory(config, deps.enricher(), deps.seen(), deps.geo(), deps.snapshots());
        this.core = new RouterCore(config, this.channels.stream().map(Channel::name).toList(), notices, deps.metrics(), this::toChannel,
                maintenance);
    }

    /** Maintenance windows set at runtime (the API's {@code /api/v1/notify/maintenance}); thread-safe. */
    public Maintenance maintenance() {
        return maintenance;
    }

    private void toChannel(String name, Notice notice) {
        Channel c = byName.get(name);
        if (c != null) c.offer(notice);
    }

    /** The worker settings for this router's input ({@code notify.queue-capacity}). */
    public SinkConfig sinkConfig() {
        return sinkConfig;
    }

    public void start() {
        channels.forEach(Channel::start);
        if (!channels.isEmpty())
            LOG.info("notifications to {}", channels.stream().map(c -> c.name() + " (" + c.type() + ")").collect(Collectors.joining(", ")));
    }

    public List<Channel> channels() {
        return channels;
    }

    /** The channels' workers, for {@link netwarden.sinks.route.SinkMetrics}. */
    public List<SinkWorker<Notice>> channelWorkers() {
        return channels.stream().map(Channel::worker).toList();
    }

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public void deliver(List<Event> batch) throws SinkException {
        int failed = 0;
        RuntimeException first = null;
        for (Event e : batch) {
            try {
                core.process(e, clock.nanos());
            } catch (RuntimeException ex) {
                failed++;
                if (first == null) first = ex;
            }
        }
        if (failed > 0) throw new SinkException(failed, "routing failed on " + failed + " event(s)", first);
    }

    @Override
    public long nextDeadline() {
        return core.nextDeadline();
    }

    @Override
    public void tick(long nowNanos) {
        core.tick(nowNanos);
    }

    @Override
    public void flush() {
        core.flush();
    }

    /** Delivers what the channels hold and closes them, in parallel, within {@code deadline}; after the input worker is closed. */
    public void closeChannels(Duration deadline) {
        SinkWorker.closeInParallel(channels, Channel::close, deadline);
    }
}
