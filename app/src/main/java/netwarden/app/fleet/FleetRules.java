package netwarden.app.fleet;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fleet-wide rules over what agents ship, each a sliding window keyed by address: the same source among the
 * heaviest sources of attacks on several hosts (agents), and the same player in sessions on many servers
 * (agent and service). A key fires once when its distinct hosts or servers reach {@code threshold} within
 * {@code windowMs}, and may fire again once it has dropped out of the window. Bounded: at most {@code maxKeys}
 * addresses are tracked (the oldest go first). Not thread-safe: called from the ledger's one writer thread.
 */
final class FleetRules {
    /** A rule that fired: {@code address} seen by {@code where} (agents, or agent/service). */
    record Finding(String rule, String address, List<String> where) {}

    static final String SOURCE_MULTI_HOST = "fleet_source_multi_host", PLAYER_MULTI_SERVER = "fleet_player_multi_server";

    private final int threshold, maxKeys;
    private final long windowMs;
    private final Map<String, Window> sources = new HashMap<>(), players = new HashMap<>();

    private static final class Window {
        final Map<String, Long> seen = new HashMap<>(); // where -> last ms
        long firedMs = Long.MIN_VALUE;
        long lastMs;
    }

    FleetRules(int threshold, long windowMs, int maxKeys) {
        if (threshold < 2) throw new IllegalArgumentException("fleet threshold must be at least 2: " + threshold);
        this.threshold = threshold;
        this.windowMs = windowMs;
        this.maxKeys = maxKeys;
    }

    /** A heavy source of an incident reported by {@code agent}. */
    Finding attackSource(String address, String agent, long nowMs) {
        return add(sources, SOURCE_MULTI_HOST, address, agent, nowMs);
    }

    /** A player session on {@code agent}'s {@code service}. */
    Finding player(String address, String agent, String service, long nowMs) {
        return add(players, PLAYER_MULTI_SERVER, address, agent + "/" + service, nowMs);
    }

    private Finding add(Map<String, Window> m, String rule, String address, String where, long now) {
        Window w = m.get(address);
        if (w == null) {
            if (m.size() >= maxKeys) evictOldest(m);
            w = new Window();
            m.put(address, w);
        }
        w.seen.put(where, now);
        w.lastMs = now;
        w.seen.values().removeIf(t -> t < now - windowMs);
        if (w.seen.size() < threshold || w.firedMs >= now - windowMs) return null;
        w.firedMs = now;
        return new Finding(rule, address, List.copyOf(new TreeSet<>(w.seen.keySet())));
    }

    /** Drops windows with nothing in the last {@code windowMs}. */
    void prune(long nowMs) {
        for (Map<String, Window> m : List.of(sources, players))
            m.values().removeIf(w -> w.lastMs < nowMs - windowMs && w.firedMs < nowMs - windowMs);
    }

    private static void evictOldest(Map<String, Window> m) {
        String oldest = null;
        long t = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, Window>> it = m.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().lastMs < t) {
                t = e.getValue().lastMs;
                oldest = e.getKey();
            }
        }
        if (oldest != null) m.remove(oldest);
    }
}
