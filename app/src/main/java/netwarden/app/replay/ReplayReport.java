package netwarden.app.replay;

import java.util.Comparator;
import java.util.List;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.TrafficRow;

/**
 * What {@code netwarden replay} found in one capture file.
 *
 * @param format        "pcap", "pcap-ns" or "pcapng"; null when even the file header was unreadable
 * @param linkTypes     LINKTYPE_* of the pcap header or of every pcapng interface block
 * @param frames        frames read (IP and non-IP) before the end or the read error
 * @param readError     the decoder's message when the file is damaged (everything before it is counted), else null
 * @param firstTsNanos  first and last frame in file order; meaningless when {@code frames == 0}
 * @param traffic       exact per-(ip_version, proto, dst_port) rows of IP frames only (non-IP frames are
 *                      counted in {@code nonIpFrames} and have no row)
 * @param services      configured or discovered services, as the engine ended
 * @param players       players of those services, current and recently left
 * @param attacks       every attack detected, ended where its traffic ended, by start time
 */
public record ReplayReport(String file, String format, List<Integer> linkTypes, long frames, long nonIpFrames,
                           long truncatedFrames, String readError, long firstTsNanos, long lastTsNanos,
                           List<TrafficRow> traffic, List<ServiceSnapshot> services, List<PlayerSnapshot> players,
                           List<Incident> attacks) {
    /** Rows in a stable order: IP version, protocol number, then destination port (none first). */
    static final Comparator<TrafficRow> ROW_ORDER = Comparator.comparingInt(TrafficRow::ipVersion)
            .thenComparingInt(TrafficRow::proto).thenComparingInt(TrafficRow::dstPort);
    static final Comparator<PlayerSnapshot> PLAYER_ORDER = Comparator.comparing(PlayerSnapshot::service)
            .thenComparingLong(PlayerSnapshot::firstSeenNanos).thenComparing(PlayerSnapshot::address);

    public ReplayReport {
        linkTypes = List.copyOf(linkTypes);
        traffic = traffic.stream().filter(r -> r.ipVersion() != 0).sorted(ROW_ORDER).toList();
        services = List.copyOf(services);
        players = players.stream().sorted(PLAYER_ORDER).toList();
        attacks = attacks.stream().sorted(AttackCollector.ORDER).toList();
    }

    public boolean hasFrames() {
        return frames > 0;
    }
}
