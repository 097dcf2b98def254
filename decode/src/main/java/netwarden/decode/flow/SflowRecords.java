package netwarden.decode.flow;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Packet;

/** The sFlow v5 flow and counter records {@link SflowDecoder} reads, each bounded by its own length. */
final class SflowRecords {
    private final FlowFields f;
    private final Packet packet;

    SflowRecords(FlowFields f, Packet packet) {
        this.f = f;
        this.packet = packet;
    }

    void flowRecord(Wire w, long format, long at, long end) throws FlowDecodeException {
        switch ((int) format) {
            case 1 -> sampledHeader(w, at, end);
            case 3 -> sampledIp(w, at, end, false);
            case 4 -> sampledIp(w, at, end, true);
            case 1001 -> {
                need(w, at, end, 16, "extended switch");
                if (f.srcVlan < 0) f.srcVlan = (int) w.u32(at) & 0xfff;
                if (f.dstVlan < 0) f.dstVlan = (int) w.u32(at + 8) & 0xfff;
            }
            case 1002 -> {
                long next = nextHop(w, at, end);
                need(w, next, end, 8, "extended router masks");
                f.srcMask = (int) w.u32(next);
                f.dstMask = (int) w.u32(next + 4);
            }
            case 1003 -> gateway(w, at, end);
            default -> { } // sampled ethernet, enterprise and other records: not needed
        }
    }

    private void sampledHeader(Wire w, long at, long end) throws FlowDecodeException {
        need(w, at, end, 16, "sampled header");
        long protocol = w.u32(at), frameLength = w.u32(at + 4), headerLen = w.u32(at + 12);
        need(w, at + 16, end, headerLen, "sampled header bytes");
        if (f.bytes < 0) f.bytes = frameLength;
        int link = SflowDecoder.linkType(protocol);
        if (link < 0) return;
        SflowDecoder.decodeHeader(link, w, at + 16, (int) headerLen, frameLength, packet);
        RecordParser.fillFromPacket(packet, f);
    }

    private void sampledIp(Wire w, long at, long end, boolean v6) throws FlowDecodeException {
        int addr = v6 ? 16 : 4;
        need(w, at, end, 8 + 2L * addr + 16, v6 ? "sampled IPv6" : "sampled IPv4");
        if (f.bytes < 0) f.bytes = w.u32(at);
        long a = at + 8;
        if (f.src == null) {
            f.src = v6 ? w.ipv6(a) : w.ipv4(a);
            f.dst = v6 ? w.ipv6(a + addr) : w.ipv4(a + addr);
        }
        if (f.proto < 0) f.proto = (int) w.u32(at + 4) & 0xff;
        long p = a + 2L * addr;
        if (f.srcPort < 0) {
            f.srcPort = (int) w.u32(p) & 0xffff;
            f.dstPort = (int) w.u32(p + 4) & 0xffff;
        }
        if (f.tcpFlags < 0 && f.proto == 6) f.tcpFlags = (int) w.u32(p + 8) & 0xff;
    }

    /** An sFlow address (type 1 IPv4, 2 IPv6); sets the next hop when unset; returns the offset after it. */
    private long nextHop(Wire w, long at, long end) throws FlowDecodeException {
        need(w, at, end, 4, "next hop address type");
        int type = (int) w.u32(at);
        int len = type == 1 ? 4 : type == 2 ? 16 : 0;
        if (len == 0) throw w.error(at, "next hop address type " + type + " is not 1 (IPv4) or 2 (IPv6)");
        need(w, at + 4, end, len, "next hop address");
        if (RecordParser.unset(f.nextHop)) f.nextHop = len == 4 ? w.ipv4(at + 4) : w.ipv6(at + 4);
        f.routing = true;
        return at + 4 + len;
    }

    private void gateway(Wire w, long at, long end) throws FlowDecodeException {
        at = nextHop(w, at, end);
        need(w, at, end, 16, "extended gateway");
        long ownAs = w.u32(at), srcAs = w.u32(at + 4);
        f.srcAs = srcAs != 0 ? srcAs : ownAs; // 0: the source is local to the router's own AS
        long segments = w.u32(at + 12);
        at += 16;
        List<Long> path = new ArrayList<>();
        for (long s = 0; s < segments; s++) {
            need(w, at, end, 8, "AS path segment");
            long n = w.u32(at + 4);
            need(w, at + 8, end, 4 * n, "AS path segment numbers");
            for (long i = 0; i < n; i++) path.add(w.u32(at + 8 + 4 * i));
            at += 8 + 4 * n;
        }
        need(w, at, end, 4, "communities count");
        long n = w.u32(at);
        need(w, at + 4, end, 4 * n, "communities");
        List<Long> communities = new ArrayList<>();
        for (long i = 0; i < n; i++) communities.add(w.u32(at + 4 + 4 * i));
        f.asPath = path;
        f.communities = communities;
        f.dstAs = path.isEmpty() ? ownAs : path.getLast(); // no path: the destination is in the router's own AS
    }

    void counterSample(Wire w, long at, long end, boolean expanded, Ip agent, long subAgent, Tally t)
            throws FlowDecodeException {
        int head = expanded ? 16 : 12;
        need(w, at, end, head, (expanded ? "expanded " : "") + "counter sample header");
        long seq = w.u32(at), n = w.u32(at + head - 4);
        at += head;
        for (long i = 0; i < n; i++) {
            need(w, at, end, 8, "counter record header");
            long format = w.u32(at), len = w.u32(at + 4);
            need(w, at + 8, end, len, "counter record");
            if (format == 1) {
                if (len < 88) throw w.error(at + 4, "generic interface counters length " + len + " is below 88");
                long c = at + 8;
                t.counters.add(new InterfaceCounters(agent, subAgent, seq, w.u32(c), w.u32(c + 4), w.u64(c + 8),
                        w.u32(c + 16), w.u32(c + 20), w.u64(c + 24), w.u32(c + 32), w.u32(c + 36), w.u32(c + 40),
                        w.u32(c + 44), w.u32(c + 48), w.u32(c + 52), w.u64(c + 56), w.u32(c + 64), w.u32(c + 68),
                        w.u32(c + 72), w.u32(c + 76), w.u32(c + 80), w.u32(c + 84)));
            }
            at += 8 + len;
        }
        t.counterSamples++;
    }

    private static void need(Wire w, long at, long end, long n, String what) throws FlowDecodeException {
        if (n < 0 || end - at < n) throw w.error(at, what + " needs " + n + " bytes, its record has " + Math.max(0, end - at));
    }
}
