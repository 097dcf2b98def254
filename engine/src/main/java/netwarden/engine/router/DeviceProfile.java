package netwarden.engine.router;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import netwarden.model.Ip;

/** What the scorer learned about one device, and its current minute. Not thread-safe: the scorer owns it. */
final class DeviceProfile {
    static final int MINUTES = 1440, MIN_BASELINE_MINUTES = 60;
    final Instant firstSeen;
    final LinkedHashMap<Ip, Instant> destinations;
    final Set<Long> asns = new HashSet<>();
    final Set<Integer> protos = new HashSet<>();
    final Map<Integer, Long> portCounts = new HashMap<>();
    long connections;
    long minute = Long.MIN_VALUE;
    final Set<Ip> minuteRemotes = new HashSet<>();
    final Map<Ip, Set<Integer>> minutePorts = new HashMap<>();
    final Set<Integer> minuteRarePorts = new HashSet<>();
    long minuteEgress;
    int minuteDrops;
    private final long[] egress = new long[MINUTES], fanout = new long[MINUTES];
    private int filled, next;

    DeviceProfile(Instant firstSeen, int maxDestinations) {
        this.firstSeen = firstSeen;
        this.destinations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Ip, Instant> eldest) {
                return size() > maxDestinations;
            }
        };
    }

    /** Appends a closed minute to the 24-hour history. */
    void record(long egressBytes, long distinctRemotes) {
        egress[next] = egressBytes;
        fanout[next] = distinctRemotes;
        next = (next + 1) % MINUTES;
        filled = Math.min(MINUTES, filled + 1);
    }

    void resetMinute(long newMinute) {
        minute = newMinute;
        minuteRemotes.clear();
        minutePorts.clear();
        minuteRarePorts.clear();
        minuteEgress = 0;
        minuteDrops = 0;
    }

    /** The minutes of history, oldest first. */
    List<Long> egressMinutes() {
        return minutes(egress);
    }

    List<Long> fanoutMinutes() {
        return minutes(fanout);
    }

    private List<Long> minutes(long[] ring) {
        var out = new ArrayList<Long>(filled);
        int start = filled < MINUTES ? 0 : next;
        for (int i = 0; i < filled; i++) out.add(ring[(start + i) % MINUTES]);
        return out;
    }

    /** The p95 of per-minute egress over the history, or -1 before an hour of it. */
    long egressP95() {
        return p95(egress);
    }

    long fanoutP95() {
        return p95(fanout);
    }

    private long p95(long[] ring) {
        if (filled < MIN_BASELINE_MINUTES) return -1;
        long[] v = Arrays.copyOf(ring, filled); // until the ring wraps, its first `filled` slots are the history
        Arrays.sort(v);
        return v[(int) Math.ceil(0.95 * filled) - 1];
    }
}
