package netwarden.app.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.ship.receive.StoreLedger;
import netwarden.store.Rows;
import netwarden.store.Shipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's view of its fleet: each agent's freshness (stale after {@code staleAfter} without a batch or
 * heartbeat, an event and a notification when it goes stale and when it comes back), gaps (an event when a
 * batch follows lost sequences) and the fleet-wide rules ({@link FleetRules}). Its events are store rows (the
 * agent's id for freshness and gaps, "" for fleet rules, which are the server's own) handed to {@code rows}, and
 * {@link Event.ExternalAlert}s handed to {@code notify}, so they route like any alert.
 *
 * <p>Design notes: {@link #received} runs on the ledger's writer thread after each commit; {@link #tick} on a
 * timer thread; last-seen times are a concurrent map, the stale flags are only changed under the monitor's lock,
 * so an agent goes stale and comes back exactly once each. Time comes from the injected clock.
 */
public final class FleetMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(FleetMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An agent as the overview shows it. */
    public record Freshness(String agent, String state, long lastSeenMs) {}

    private final Clock clock;
    private final long staleAfterMs;
    private final Consumer<Rows.Batch> rows;
    private final Consumer<Event> notify;
    private final FleetRules rules;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    private volatile Set<String> known = Set.of(), revoked = Set.of();
    private final Counter events = Counter.builder().name("netwarden_fleet_events_total")
            .help("Events the server raised about its fleet, by kind.").labelNames("kind").build();

    public FleetMonitor(Clock clock, Duration staleAfter, int threshold, Duration ruleWindow, Consumer<Rows.Batch> rows, Consumer<Event> notify) {
        this.clock = clock;
        this.staleAfterMs = staleAfter.toMillis();
        this.rows = rows;
        this.notify = notify;
        this.rules = new FleetRules(threshold, ruleWindow.toMillis(), 100_000);
    }

    public void register(PrometheusRegistry r) {
        r.register(events);
        GaugeWithCallback.builder().name("netwarden_fleet_agents").help("Agents by freshness: fresh, stale, never (seen), revoked.")
                .labelNames("state").callback(cb -> {
                    Map<String, Integer> n = new TreeMap<>(Map.of("fresh", 0, "stale", 0, "never", 0, "revoked", 0));
                    for (Freshness f : view()) n.merge(f.state(), 1, Integer::sum);
                    n.forEach((k, v) -> cb.call(v, k));
                }).register(r);
        GaugeWithCallback.builder().name("netwarden_fleet_agent_last_seen_seconds").help("When each agent last shipped a batch or heartbeat (epoch seconds).")
                .labelNames("agent").callback(cb -> lastSeen.forEach((a, ms) -> cb.call(ms / 1000.0, a))).register(r);
    }

    /** The agents the server knows (its agents file) and those revoked; also seeds last-seen from the store's marks. */
    public void agents(Collection<String> all, Collection<String> revokedAgents, List<Shipped.Mark> marks) {
        known = Set.copyOf(all);
        revoked = Set.copyOf(revokedAgents);
        for (Shipped.Mark m : marks) lastSeen.merge(m.agent(), m.updatedMs(), Math::max);
    }

    /** A batch was stored (or was a duplicate): the agent lives; gaps and fleet rules are looked at. */
    public void received(StoreLedger.Received r) {
        seen(r.agent(), r.atMs());
        if (r.result() == Shipped.Result.GAP)
            raise(r.agent(), "agent_gap", null, Map.of("agent", r.agent()), "agent " + r.agent() + " lost batches (see /api/v1/agents/" + r.agent() + ")", "warning", "firing");
        if (r.result() == Shipped.Result.DUPLICATE) return;
        for (Rows.IncidentSource s : r.rows().incidentSources())
            finding(rules.attackSource(s.address(), r.agent(), r.atMs()));
        for (Rows.Session s : r.rows().sessions())
            finding(rules.player(s.address(), r.agent(), s.service(), r.atMs()));
    }

    private void finding(FleetRules.Finding f) {
        if (f == null) return;
        // The address stays in the address column (masked by the API unless the token allows it), never in text.
        String what = f.rule().equals(FleetRules.SOURCE_MULTI_HOST) ? "one attack source hits " + f.where().size() + " hosts: "
                : "one player is seen on " + f.where().size() + " servers: ";
        raise("", f.rule(), f.address(), Map.of("where", f.where()), what + String.join(", ", f.where()), "warning", "firing");
    }

    /** An agent was heard from at {@code atMs}. */
    public synchronized void seen(String agent, long atMs) {
        lastSeen.merge(agent, atMs, Math::max);
        if (stale.remove(agent))
            raise(agent, "agent_back", null, Map.of("agent", agent), "agent " + agent + " is shipping again", "info", "resolved");
    }

    /** Timer: agents silent for longer than the stale time go stale (once); the rules forget old windows. */
    public synchronized void tick() {
        long now = clock.nanos() / 1_000_000;
        for (var e : lastSeen.entrySet()) {
            String a = e.getKey();
            if (now - e.getValue() > staleAfterMs && !revoked.contains(a) && stale.add(a))
                raise(a, "agent_stale", null, Map.of("agent", a, "last_seen_ms", e.getValue()),
                        "agent " + a + " has sent nothing for " + (now - e.getValue()) / 1000 + " s", "warning", "firing");
        }
        rules.prune(now);
    }

    private void raise(String agent, String kind, String address, Map<String, Object> detail, String summary, String severity, String status) {
        long now = clock.nanos() / 1_000_000;
        events.labelValues(kind).inc();
        LOG.info("fleet: {}", summary);
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(Map.of("summary", summary, "detail", detail)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json = "{}";
        }
        rows.accept(Rows.Batch.builder().event(new Rows.Event(agent, now, kind, "", address, null, 0, null, null, json)).build());
        String name = kind.equals("agent_back") ? "agent_stale" : kind;
        notify.accept(new Event.ExternalAlert(now * 1_000_000, agent.isEmpty() ? "fleet" : agent, name, status, severity,
                Map.of("agent", agent), Map.of("summary", summary)));
    }

    /** Every known or seen agent with its state, by id. */
    public List<Freshness> view() {
        long now = clock.nanos() / 1_000_000;
        Map<String, Freshness> out = new TreeMap<>();
        for (String a : known) out.put(a, new Freshness(a, revoked.contains(a) ? "revoked" : "never", 0));
        lastSeen.forEach((a, ms) -> out.put(a, new Freshness(a, revoked.contains(a) ? "revoked"
                : stale.contains(a) || now - ms > staleAfterMs ? "stale" : "fresh", ms)));
        return List.copyOf(out.values());
    }

    public long staleAfterMs() {
        return staleAfterMs;
    }
}
