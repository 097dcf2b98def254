package netwarden.sinks.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.Event;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.RouteRule;

/**
 * The routing decisions, single-threaded and driven by an explicit time so tests can step it:
 * rules pick channels, route cooldowns per (rule, service, kind) hold repeats, digests hold storms,
 * and what is left is handed to the sink, one notice per event shared by all channels.
 */
final class RouterCore {
    /** Where notices go: a channel's queue in production, a list in tests. */
    interface Outbox {
        void deliver(String channel, Notice notice);
    }

    private final NotifyConfig config;
    private final Routing routing;
    private final Digests digests;
    private final NoticeFactory notices;
    private final NotifyMetrics metrics;
    private final Outbox sink;
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Maintenance maintenance;

    RouterCore(NotifyConfig config, List<String> channels, NoticeFactory notices, NotifyMetrics metrics, Outbox sink) {
        this(config, channels, notices, metrics, sink, new Maintenance());
    }

    RouterCore(NotifyConfig config, List<String> channels, NoticeFactory notices, NotifyMetrics metrics, Outbox sink, Maintenance maintenance) {
        this.maintenance = maintenance;
        this.config = config;
        this.routing = new Routing(config.routes(), channels);
        this.digests = new Digests(config.digest());
        this.notices = notices;
        this.metrics = metrics;
        this.sink = sink;
    }

    void process(Event e, long now) {
        // Joins are enriched even when routed nowhere: the VPN-join counter and the returning store need every one.
        Notice notice = e instanceof Event.PlayerJoined ? notices.build(e) : null;
        boolean urgent = Urgent.is(e);
        Set<String> targets = new LinkedHashSet<>();
        for (Routing.Match m : routing.match(e)) {
            if (quiet(m.rule(), now)) metrics.suppressedQuiet(); // still stored and archived by the other sinks
            else if (!urgent && coolingDown(m, e, now)) metrics.suppressedCooldown();
            else targets.addAll(m.channels());
        }
        List<Digests.Emitted> due = new ArrayList<>(0);
        for (String channel : targets) {
            // An escalation or a correction of an attack's sources is news on its own: never folded into a digest.
            boolean send = urgent || digests.admit(channel, e.kind(), e.service(), now, due);
            emit(due);
            if (!send) {
                metrics.suppressedDigest();
                continue;
            }
            if (notice == null) notice = notices.build(e);
            sink.deliver(channel, notice);
        }
    }

    /** Sends the digests of windows that ended by {@code now}. */
    void tick(long now) {
        List<Digests.Emitted> due = new ArrayList<>(0);
        digests.tick(now, due);
        emit(due);
    }

    /** Sends every pending digest (shutdown). */
    void flush() {
        List<Digests.Emitted> due = new ArrayList<>(0);
        digests.flush(due);
        emit(due);
    }

    long nextDeadline() {
        return digests.nextDeadline();
    }

    private void emit(List<Digests.Emitted> due) {
        for (Digests.Emitted d : due) sink.deliver(d.channel(), d.notice());
        due.clear();
    }

    /** A quiet hour or maintenance window of the rule (from the config or the API) covers {@code now}. */
    private boolean quiet(RouteRule rule, long now) {
        if (rule.quiet().isEmpty() && maintenance == null) return false;
        java.time.Instant t = java.time.Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
        for (var w : rule.quiet()) if (w.covers(t)) return true;
        return maintenance != null && maintenance.silences(rule.name(), t);
    }

    private boolean coolingDown(Routing.Match m, Event e, long now) {
        long cooldown = (m.rule().cooldown() != null ? m.rule().cooldown() : config.cooldown()).toNanos();
        if (cooldown <= 0) return false;
        String key = m.ruleIndex() + "\0" + e.service() + "\0" + e.kind();
        Long last = lastSent.get(key);
        if (last != null && now - last < cooldown) return true;
        lastSent.put(key, now);
        return false;
    }
}
