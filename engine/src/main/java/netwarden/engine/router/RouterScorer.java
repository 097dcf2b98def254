package netwarden.engine.router;

import netwarden.model.router.AnomalyCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.model.Ip;

/**
 * Scores LAN devices' connections and firewall drops against each device's own history.
 *
 * <p>Design notes: per connection, novelty codes (NEW_DST, DORMANT_DST, NEW_ASN, UNEXPECTED_PROTO,
 * RARE_PORT) are raised only after the device's learning period; PORT_SCAN_LIKE and FIREWALL_DROPS
 * fire once per minute when their threshold is reached; HIGH_EGRESS and HIGH_FANOUT are judged
 * when a device's minute closes (on its next sample, or {@link #tick}) against the p95 of its last
 * 24 hours of minutes (after an hour of history), quiet minutes counting as zero. Time comes only
 * from the samples; samples must arrive in time order per device. Learning of the minute baselines is
 * paused per device while the caller says it has an open incident ({@link #pause}); what was learned can be
 * copied out ({@link #baselines}) and restored. Pure and single-threaded: allowlists, suppression,
 * deduplication into incidents ({@link AnomalyIncidents}) and persistence are the caller's.
 */
public final class RouterScorer {
    private final ScoringConfig config;
    private final Map<Ip, DeviceProfile> devices = new HashMap<>();
    private final Set<Ip> paused = new HashSet<>();

    public RouterScorer(ScoringConfig config) {
        this.config = config;
    }

    /**
     * Stops (or resumes) learning {@code device}'s per-minute baselines: while its anomaly incident is open, its
     * minutes are judged but not added to the history, so an incident does not teach the baseline that it is normal.
     */
    public void pause(Ip device, boolean pause) {
        if (pause) paused.add(device);
        else paused.remove(device);
    }

    /** What was learned, per device, as immutable copies (to persist). */
    public Map<Ip, DeviceBaseline> baselines() {
        var out = new HashMap<Ip, DeviceBaseline>();
        devices.forEach((ip, p) -> out.put(ip, new DeviceBaseline(p.firstSeen, p.destinations, p.asns, p.protos, p.portCounts,
                p.connections, p.egressMinutes(), p.fanoutMinutes())));
        return out;
    }

    /** Restores learned devices (before any sample); the current minute starts afresh. */
    public void restore(Map<Ip, DeviceBaseline> saved) {
        saved.forEach((ip, b) -> {
            DeviceProfile p = new DeviceProfile(b.firstSeen(), config.maxDestinations());
            p.destinations.putAll(b.destinations());
            p.asns.addAll(b.asns());
            p.protos.addAll(b.protos());
            p.portCounts.putAll(b.portCounts());
            p.connections = b.connections();
            for (int i = 0; i < b.egressMinutes().size(); i++) p.record(b.egressMinutes().get(i), b.fanoutMinutes().get(i));
            devices.put(ip, p);
        });
    }

    public List<AnomalyHit> connection(ConnectionSample s) {
        var hits = new ArrayList<AnomalyHit>();
        DeviceProfile p = profile(s.device(), s.time(), hits);
        boolean learned = !s.time().isBefore(p.firstSeen.plus(config.learning()));
        Instant last = p.destinations.put(s.remote(), s.time());
        if (last == null) {
            if (learned) hits.add(hit(s, AnomalyCode.NEW_DST, "first connection to " + s.remote()));
        } else if (Duration.between(last, s.time()).compareTo(config.dormantAfter()) > 0) {
            hits.add(hit(s, AnomalyCode.DORMANT_DST, s.remote() + " silent since " + last));
        }
        if (s.asn() >= 0 && p.asns.add(s.asn()) && learned) hits.add(hit(s, AnomalyCode.NEW_ASN, "first connection to AS" + s.asn()));
        if (p.protos.add(s.proto()) && learned) hits.add(hit(s, AnomalyCode.UNEXPECTED_PROTO, "first use of IP protocol " + s.proto()));
        if (s.port() >= 0) {
            long before = p.portCounts.getOrDefault(s.port(), 0L);
            if (learned && p.connections >= config.rarePortMinConnections() && before < config.rarePortShare() * p.connections
                    && p.minuteRarePorts.add(s.port()))
                hits.add(hit(s, AnomalyCode.RARE_PORT, "port " + s.port() + ": " + before + " of " + p.connections + " connections before"));
            p.portCounts.put(s.port(), before + 1);
            var ports = p.minutePorts.computeIfAbsent(s.remote(), r -> new HashSet<>());
            if (ports.add(s.port()) && ports.size() == config.scanPorts())
                hits.add(hit(s, AnomalyCode.PORT_SCAN_LIKE, config.scanPorts() + " distinct ports to " + s.remote() + " within a minute"));
        }
        p.connections++;
        p.minuteRemotes.add(s.remote());
        p.minuteEgress += Math.max(0, s.egressBytes());
        return hits;
    }

    /**
     * Egress bytes of a connection that ended at {@code time} (its novelty was scored when it began), counted
     * in the device's current minute for HIGH_EGRESS.
     */
    public List<AnomalyHit> egress(Ip device, Instant time, long bytes) {
        var hits = new ArrayList<AnomalyHit>();
        DeviceProfile p = profile(device, time, hits);
        p.minuteEgress += Math.max(0, bytes);
        return hits;
    }

    /** A firewall drop of a packet from {@code device}. */
    public List<AnomalyHit> drop(Ip device, Instant time) {
        var hits = new ArrayList<AnomalyHit>();
        DeviceProfile p = profile(device, time, hits);
        if (++p.minuteDrops == config.dropsPerMinute())
            hits.add(new AnomalyHit(time, device, AnomalyCode.FIREWALL_DROPS, config.dropsPerMinute() + " drops within a minute", null, -1));
        return hits;
    }

    /** Closes every device's minute that ended before {@code now}, returning the baseline hits. */
    public List<AnomalyHit> tick(Instant now) {
        var hits = new ArrayList<AnomalyHit>();
        for (var e : devices.entrySet()) roll(e.getKey(), e.getValue(), now.getEpochSecond() / 60, hits);
        return hits;
    }

    /** Devices being scored. */
    public int devices() {
        return devices.size();
    }

    private DeviceProfile profile(Ip device, Instant time, List<AnomalyHit> hits) {
        DeviceProfile p = devices.computeIfAbsent(device, d -> new DeviceProfile(time, config.maxDestinations()));
        roll(device, p, time.getEpochSecond() / 60, hits);
        return p;
    }

    private void roll(Ip device, DeviceProfile p, long minute, List<AnomalyHit> hits) {
        if (p.minute == Long.MIN_VALUE) {
            p.resetMinute(minute);
            return;
        }
        if (minute <= p.minute) return;
        Instant end = Instant.ofEpochSecond((p.minute + 1) * 60);
        long egressP95 = p.egressP95(), fanoutP95 = p.fanoutP95();
        long egressLimit = Math.max(config.egressFloorBytes(), (long) (egressP95 * config.baselineFactor()));
        if (egressP95 >= 0 && p.minuteEgress > egressLimit)
            hits.add(new AnomalyHit(end, device, AnomalyCode.HIGH_EGRESS, p.minuteEgress + " bytes out in a minute (p95 " + egressP95
                    + ", limit " + egressLimit + ")", null, -1));
        long fanoutLimit = Math.max(config.fanoutFloor(), (long) (fanoutP95 * config.baselineFactor()));
        if (fanoutP95 >= 0 && p.minuteRemotes.size() > fanoutLimit)
            hits.add(new AnomalyHit(end, device, AnomalyCode.HIGH_FANOUT, p.minuteRemotes.size() + " destinations in a minute (p95 "
                    + fanoutP95 + ", limit " + fanoutLimit + ")", null, -1));
        if (!paused.contains(device)) {
            p.record(p.minuteEgress, p.minuteRemotes.size());
            for (long quiet = Math.min(minute - p.minute - 1, DeviceProfile.MINUTES); quiet > 0; quiet--) p.record(0, 0);
        }
        p.resetMinute(minute);
    }

    private static AnomalyHit hit(ConnectionSample s, AnomalyCode code, String evidence) {
        return new AnomalyHit(s.time(), s.device(), code, evidence, s.remote(), s.port());
    }
}
