package netwarden.engine.router;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.Ip;
import netwarden.model.router.AnomalyCode;
import netwarden.model.router.DeviceIncident;

/**
 * Groups a device's anomaly hits into incidents and drops repeats.
 *
 * <p>Design notes: one open incident per device at most. The first hit opens it; every later hit joins it, and
 * one the incident already holds (same code and remote, and for RARE_PORT the same port) is a duplicate:
 * counted on the incident, never emitted again. An incident ends once its device has had no hit for
 * {@code quiet}; {@link #tick} closes those. Time comes from the hits and the caller; single-threaded and pure.
 */
public final class AnomalyIncidents {
    /** What a hit did: opened or joined {@code incident}, or was a {@code duplicate} of one it holds. */
    public record Outcome(DeviceIncident incident, boolean duplicate) {}

    private static final class Open {
        final String id;
        final Ip device;
        final long start;
        long updated;
        int score;
        final LinkedHashSet<String> codes = new LinkedHashSet<>();
        final Set<String> keys = new HashSet<>();
        long hits, duplicates;
        String lastEvidence = "";

        Open(Ip device, long start) {
            this.device = device;
            this.start = start;
            this.id = DeviceIncident.id(device, start);
        }

        DeviceIncident view(long end) {
            return new DeviceIncident(id, device, start, end, updated, score, List.copyOf(codes), hits, duplicates, lastEvidence);
        }
    }

    private final long quietNanos;
    private final Map<Ip, Open> open = new HashMap<>();
    private final List<DeviceIncident> ended = new ArrayList<>();
    private long duplicates;

    public AnomalyIncidents(Duration quiet) {
        if (!quiet.isPositive()) throw new IllegalArgumentException("router.anomalies.incident-quiet must be positive: " + quiet);
        this.quietNanos = quiet.toNanos();
    }

    public Outcome hit(AnomalyHit h) {
        long now = nanos(h.time());
        Open o = open.get(h.device());
        if (o != null && now - o.updated > quietNanos) {
            open.remove(h.device()); // ended before this hit: the next tick reports it
            ended.add(o.view(o.updated + quietNanos));
            o = null;
        }
        if (o == null) {
            o = new Open(h.device(), now);
            open.put(h.device(), o);
        }
        o.updated = Math.max(o.updated, now);
        String key = h.code() + "|" + h.remote() + (h.code() == AnomalyCode.RARE_PORT ? "|" + h.port() : "");
        if (!o.keys.add(key)) {
            o.duplicates++;
            duplicates++;
            return new Outcome(o.view(0), true);
        }
        o.hits++;
        o.codes.add(h.code().name());
        o.score = Math.max(o.score, h.score());
        o.lastEvidence = h.evidence();
        return new Outcome(o.view(0), false);
    }

    /** Ends the incidents whose device was quiet for the quiet period by {@code now}; returns them, ended. */
    public List<DeviceIncident> tick(Instant now) {
        long t = nanos(now);
        var out = new ArrayList<>(ended);
        ended.clear();
        open.values().removeIf(o -> {
            if (t - o.updated <= quietNanos) return false;
            out.add(o.view(o.updated + quietNanos));
            return true;
        });
        return out;
    }

    /** Whether {@code device} has an open incident (its baselines are paused meanwhile). */
    public boolean isOpen(Ip device) {
        return open.containsKey(device);
    }

    /** The open incidents, as they stand. */
    public List<DeviceIncident> openIncidents() {
        return open.values().stream().map(o -> o.view(0)).toList();
    }

    /** Repeated hits absorbed so far. */
    public long duplicates() {
        return duplicates;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
