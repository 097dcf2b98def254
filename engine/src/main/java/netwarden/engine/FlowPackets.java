package netwarden.engine;

import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.ingest.FlowRecord;

/**
 * A flow record as the packet it stands for, so it takes the same path through services, players
 * and detection as captured traffic. What a record does not say is left unknown: no TTL, no
 * fragments; the payload length is the average packet's IP size less the usual headers, so TCP
 * players are recognised by flows that carry data.
 */
final class FlowPackets {
    private FlowPackets() {}

    static void fill(FlowRecord r, Packet p) {
        p.reset();
        boolean v4 = r.src().isV4();
        p.ipVersion = v4 ? 4 : 6;
        p.proto = r.proto();
        p.srcHi = r.src().hi();
        p.srcLo = r.src().lo();
        p.dstHi = r.dst().hi();
        p.dstLo = r.dst().lo();
        p.srcKnown = true;
        if (Proto.hasPorts(r.proto())) {
            p.srcPort = r.srcPort();
            p.dstPort = r.dstPort();
        }
        long average = r.packets() == 0 ? 0 : r.bytes() / r.packets();
        p.ipBytes = (int) Math.min(average, 65_575);
        p.wireLen = p.capLen = p.ipBytes;
        int headers = (v4 ? 20 : 40) + (r.proto() == Proto.TCP ? 20 : r.proto() == Proto.UDP ? 8 : 0);
        p.payloadLen = Math.max(0, p.ipBytes - headers);
        if (r.proto() == Proto.TCP) p.tcpFlags = r.tcpFlags();
        p.tsNanos = r.startNanos();
    }
}
