package netwarden.decode.flow;

import netwarden.decode.LinkType;
import netwarden.decode.PacketDecoder;
import netwarden.model.Ip;
import netwarden.model.Packet;

/**
 * sFlow version 5 (sflow.org sflow_version_5.txt): frames the datagram header and its samples, and
 * turns each flow sample (format 1) and expanded flow sample (format 3) into one {@link FlowRecord},
 * each generic interface counters record (of counter samples, formats 2 and 4) into
 * {@link InterfaceCounters}. Flow records read: sampled header (1; decoded by the packet decoder),
 * sampled IPv4 (3) and IPv6 (4), extended switch (1001), router (1002) and gateway (1003) data; the
 * first source of a value wins. Unknown sample and record formats, and enterprise ones, are skipped
 * by their length. Exporter is the agent address; the rate is the sample's (0 = unknown).
 */
final class SflowDecoder {
    private final FlowFields f = new FlowFields();
    private final Packet packet = new Packet();
    private final SflowRecords records = new SflowRecords(f, packet);

    void decode(Wire w, Sampling sampling, Tally t) throws FlowDecodeException {
        w.need(0, 8, "sFlow header");
        long at = 8;
        Ip agent = switch ((int) w.u32(4)) {
            case 1 -> { w.need(at, 4, "agent IPv4 address"); at += 4; yield w.ipv4(8); }
            case 2 -> { w.need(at, 16, "agent IPv6 address"); at += 16; yield w.ipv6(8); }
            default -> throw w.error(4, "agent address type " + w.u32(4) + " is not 1 (IPv4) or 2 (IPv6)");
        };
        w.need(at, 16, "sFlow header");
        long subAgent = w.u32(at), count = w.u32(at + 12);
        at += 16;
        t.exporter = agent;
        t.domain = subAgent;
        for (long i = 0; i < count; i++) {
            w.need(at, 8, "sample " + (i + 1) + " of " + count + " header");
            long format = w.u32(at), len = w.u32(at + 4);
            long body = at + 8;
            w.need(body, len, "sample " + (i + 1) + " of " + count);
            if (format == 1 || format == 3) {
                flowSample(w, body, body + len, format == 3, agent, subAgent, sampling, t);
            } else if (format == 2 || format == 4) {
                records.counterSample(w, body, body + len, format == 4, agent, subAgent, t);
            } // enterprise or unknown sample: skipped
            at = body + len;
        }
        // Bytes after the announced samples are ignored, as tshark and Akvorado do (some test exports carry them).
    }

    private void flowSample(Wire w, long at, long end, boolean expanded, Ip agent, long subAgent, Sampling sampling,
            Tally t) throws FlowDecodeException {
        int head = expanded ? 44 : 32;
        if (end - at < head) throw w.error(at, (expanded ? "expanded " : "") + "flow sample header needs " + head + " bytes");
        long rate = w.u32(at + (expanded ? 12 : 8));
        f.clear();
        if (expanded) {
            f.inIf = interfaceValue(w.u32(at + 24), w.u32(at + 28));
            f.outIf = interfaceValue(w.u32(at + 32), w.u32(at + 36));
        } else {
            f.inIf = interfaceValue(w.u32(at + 20) >>> 30, w.u32(at + 20) & 0x3fff_ffff);
            f.outIf = interfaceValue(w.u32(at + 24) >>> 30, w.u32(at + 24) & 0x3fff_ffff);
        }
        long n = w.u32(at + head - 4);
        at += head;
        for (long i = 0; i < n; i++) {
            if (end - at < 8) throw w.error(at, "flow record " + (i + 1) + " of " + n + " header overruns its sample");
            long format = w.u32(at), len = w.u32(at + 4);
            if (len > end - at - 8) throw w.error(at + 4, "flow record " + (i + 1) + " length " + len + " overruns its sample");
            records.flowRecord(w, format, at + 8, at + 8 + len);
            at += 8 + len;
        }
        if (f.packets < 0) f.packets = 1;
        t.flowSamples++;
        t.dataRecords++;
        t.add(f.toRecord(FlowProtocol.SFLOW5, agent, subAgent, -1, sampling.resolve(agent, 5, subAgent, -1, rate)), false);
    }

    /** Interface format 0 is an ifIndex; 1 (discarded) and 2 (several interfaces) carry none. */
    private static long interfaceValue(long format, long value) {
        return format == 0 ? value : -1;
    }

    /** Maps an sFlow header protocol (sFlow "header_protocol") to a link type, -1 when not decodable. */
    static int linkType(long headerProtocol) {
        return switch ((int) headerProtocol) {
            case 1 -> LinkType.ETHERNET;
            case 11 -> LinkType.IPV4;
            case 12 -> LinkType.IPV6;
            default -> -1;
        };
    }

    static void decodeHeader(int linkType, Wire w, long at, int len, long frameLength, Packet p) {
        p.reset();
        p.capLen = len;
        p.wireLen = (int) Math.min(Math.max(frameLength, len), Integer.MAX_VALUE);
        PacketDecoder.decode(linkType, w.s, at, len, p);
    }
}
