package netwarden.app.replay;

import java.io.PrintWriter;
import java.math.BigDecimal;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.Proto;
import netwarden.model.ServiceSnapshot;
import netwarden.model.Times;
import netwarden.model.TrafficRow;
import netwarden.wire.SnapshotJson;

/** The replay report as readable text: a summary, then traffic, services, players and attacks tables. */
public final class ReplayText {
    private ReplayText() {}

    public static void print(ReplayReport r, PrintWriter out) {
        out.println(r.file());
        out.println("  format      " + (r.format() == null ? "unknown" : r.format()) + ", link types " + r.linkTypes());
        out.println("  frames      " + r.frames() + " (non-IP " + r.nonIpFrames() + ", truncated " + r.truncatedFrames() + ")");
        if (r.hasFrames()) {
            BigDecimal span = SnapshotJson.seconds(r.lastTsNanos()).subtract(SnapshotJson.seconds(r.firstTsNanos()));
            out.println("  time        " + Times.instant(r.firstTsNanos()) + " .. " + Times.instant(r.lastTsNanos())
                    + " (" + span.toPlainString() + " s, first to last frame in file order)");
        }
        out.println("  read error  " + (r.readError() == null ? "none" : r.readError()));

        out.println();
        out.println("  traffic (IP frames by outermost header, no reassembly)");
        TextTable traffic = new TextTable("ip", "proto", "dst_port", "packets", "wire_bytes", "captured_bytes", "ip_bytes",
                "sources", "syn_only", "first_frags", "nonfirst_frags");
        for (TrafficRow t : r.traffic()) {
            traffic.row(t.ipVersion(), t.proto() < 0 ? null : Proto.name(t.proto()), t.dstPort() < 0 ? null : t.dstPort(), t.packets(), t.wireBytes(),
                    t.capturedBytes(), t.ipBytes(), t.uniqueSources(), t.synOnly(), t.firstFragments(), t.nonfirstFragments());
        }
        traffic.print(out, "    ");

        out.println();
        out.println("  services");
        TextTable services = new TextTable("id", "address", "proto", "port", "packets_in", "bytes_in", "peak_pps",
                "players_peak", "players_now");
        for (ServiceSnapshot s : r.services()) {
            services.row(s.id(), s.key().address(), Proto.name(s.key().proto()), s.key().port(), s.packetsIn(), s.bytesIn(),
                    s.peakPps(), s.playersPeak(), s.playersNow());
        }
        services.print(out, "    ");

        out.println();
        out.println("  players");
        TextTable players = new TextTable("service", "address", "first_seen", "last_seen", "packets_in", "packets_out", "left_at");
        for (PlayerSnapshot p : r.players()) {
            players.row(p.service(), p.address(), Times.instant(p.firstSeenNanos()), Times.instant(p.lastSeenNanos()),
                    p.packetsIn(), p.packetsOut(), p.left() ? Times.instant(p.leftNanos()) : null);
        }
        players.print(out, "    ");

        out.println();
        out.println("  attacks");
        TextTable attacks = new TextTable("kind", "scope", "target", "start", "duration_s", "peak_pps", "peak_bps", "packets", "reason");
        for (Incident a : r.attacks()) {
            BigDecimal duration = a.active() ? null : SnapshotJson.seconds(a.endNanos()).subtract(SnapshotJson.seconds(a.startNanos()));
            attacks.row(a.kind().label(), a.scope().label(), a.target(), Times.instant(a.startNanos()), duration == null ? null : duration.toPlainString(),
                    a.peakPps(), a.peakBps(), a.packets(), a.reason());
        }
        attacks.print(out, "    ");
    }
}
