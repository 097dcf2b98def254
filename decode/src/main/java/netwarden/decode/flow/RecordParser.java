package netwarden.decode.flow;

import netwarden.decode.LinkType;
import netwarden.decode.PacketDecoder;
import netwarden.model.Ip;
import netwarden.model.Packet;

/**
 * Reads one v9 or IPFIX record of a template into {@link FlowFields}: the information elements a
 * flow needs (RFC 7012 / IANA ids), RFC 5103 reverse counters (PEN 29305), other enterprise and
 * vendor-private elements kept raw, variable-length fields (RFC 7011 7), and IE 315
 * dataLinkFrameSection decoded by the packet decoder for what the record itself lacks.
 *
 * <p>Integers may use reduced-size encoding; addresses of an unexpected length are ignored.
 * Not thread-safe: one per decoder (it reuses a {@link Packet}).
 */
final class RecordParser {
    static final long REVERSE_PEN = 29305;
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private static final Ip ZERO_V4 = Ip.ofV4(0), ZERO_V6 = new Ip(0, 0);

    private final Packet frame = new Packet();

    private int[] ids = new int[32], lengths = new int[32];
    private long[] pens = new long[32];
    private int count, scopes;
    private Template current;

    /** Unpacks a template's fields into flat arrays once per set, so the per-record loop reads no objects. */
    void use(Template t, boolean v9Scopes) {
        if (t == current && scopes == (v9Scopes ? t.scopeCount() : 0)) return;
        var fields = t.fields();
        count = fields.size();
        if (ids.length < count) {
            ids = new int[count];
            lengths = new int[count];
            pens = new long[count];
        }
        for (int i = 0; i < count; i++) {
            Template.Field f = fields.get(i);
            ids[i] = f.id();
            lengths[i] = f.length();
            pens[i] = f.pen();
        }
        scopes = v9Scopes ? t.scopeCount() : 0;
        current = t;
    }

    /**
     * Parses the record at {@code at} with the template given to {@link #use}; returns the offset
     * after it. v9 options records' scope fields are scope types, not elements: they are skipped.
     */
    long parse(Wire w, long at, long end, FlowFields f) throws FlowDecodeException {
        long frameAt = -1, frameSize = -1;
        int frameLen = 0;
        for (int i = 0; i < count; i++) {
            int len = lengths[i], id = ids[i];
            if (len == Template.VARIABLE) {
                if (at >= end) throw w.error(at, "variable-length field " + id + " has no length byte");
                len = w.u8(at++);
                if (len == 255) {
                    if (end - at < 2) throw w.error(at, "variable-length field " + id + " has no 2-byte length");
                    len = w.u16(at);
                    at += 2;
                }
            }
            if (end - at < len) throw w.error(at, "field " + id + " of " + len + " bytes overruns the record set");
            if (len == 0 || i < scopes) {
                at += len;
                continue;
            }
            if (pens[i] != 0 || id > 0x7fff) {
                enterprise(w, at, len, id, pens[i], f);
            } else if (id == 315) {
                frameAt = at;
                frameLen = len;
            } else if (id == 312 && len <= 8) {
                frameSize = w.uint(at, len);
            } else if (len <= 8) {
                number(id, w.uint(at, len), len, f);
            } else {
                address(id, w, at, len, f);
            }
            at += len;
        }
        if (frameAt >= 0) dataLinkFrame(w, frameAt, frameLen, frameSize, f);
        return at;
    }

    private static void enterprise(Wire w, long at, int len, int id, long pen, FlowFields f) {
        if (pen == REVERSE_PEN && len <= 8) {
            switch (id) {
                case 1 -> { f.reverseBytes = w.uint(at, len); return; }
                case 2 -> { f.reversePackets = w.uint(at, len); return; }
                case 85 -> { if (f.reverseBytes < 0) f.reverseBytes = w.uint(at, len); return; }
                case 86 -> { if (f.reversePackets < 0) f.reversePackets = w.uint(at, len); return; }
                default -> { }
            }
        }
        f.enterprise.add(new EnterpriseField(pen, id, w.bytes(at, len)));
    }

    private static void number(int id, long v, int len, FlowFields f) {
        switch (id) {
            case 1 -> f.bytes = v;
            case 23, 85 -> { if (f.bytes < 0) f.bytes = v; }
            case 2 -> f.packets = v;
            case 24, 86 -> { if (f.packets < 0) f.packets = v; }
            case 4 -> f.proto = (int) v & 0xff;
            case 6 -> f.tcpFlags = (int) v & 0xffff;
            case 7 -> f.srcPort = (int) v & 0xffff;
            case 11 -> f.dstPort = (int) v & 0xffff;
            case 8 -> { if (len == 4 && unset(f.src)) f.src = Ip.ofV4((int) v); }
            case 12 -> { if (len == 4 && unset(f.dst)) f.dst = Ip.ofV4((int) v); }
            case 15, 18 -> { if (len == 4 && unset(f.nextHop)) { f.nextHop = Ip.ofV4((int) v); f.routing = true; } }
            case 9, 29 -> { f.srcMask = (int) v; f.routing = true; }
            case 13, 30 -> { f.dstMask = (int) v; f.routing = true; }
            case 16 -> { f.srcAs = v; f.routing = true; }
            case 17 -> { f.dstAs = v; f.routing = true; }
            case 10 -> f.inIf = v;
            case 14 -> f.outIf = v;
            case 252 -> f.physIn = v;
            case 253 -> f.physOut = v;
            case 21 -> f.endUptime = v;
            case 22 -> f.startUptime = v;
            case 32, 139 -> f.icmpTypeCode = (int) v & 0xffff;
            case 34, 50 -> f.samplingInterval = v;
            case 48, 302 -> f.samplerId = v;
            case 305 -> f.packetInterval = v;
            case 306 -> f.packetSpace = v;
            case 309 -> f.sampleSize = v;
            case 310 -> f.samplePopulation = v;
            case 58, 243 -> { if (f.srcVlan < 0) f.srcVlan = (int) v & 0xfff; }
            case 59, 254 -> { if (f.dstVlan < 0) f.dstVlan = (int) v & 0xfff; }
            case 150 -> f.startMillis = v * 1000;
            case 151 -> f.endMillis = v * 1000;
            case 152 -> f.startMillis = v;
            case 153 -> f.endMillis = v;
            case 154, 156 -> { if (len == 8) f.startMillis = ntpMillis(v); }
            case 155, 157 -> { if (len == 8) f.endMillis = ntpMillis(v); }
            case 160 -> f.systemInitMillis = v;
            default -> { } // an element no flow field needs
        }
    }

    private static void address(int id, Wire w, long at, int len, FlowFields f) {
        if (len != 16) return;
        switch (id) {
            case 27 -> { if (unset(f.src)) f.src = w.ipv6(at); }
            case 28 -> { if (unset(f.dst)) f.dst = w.ipv6(at); }
            case 62, 63 -> { if (unset(f.nextHop)) { f.nextHop = w.ipv6(at); f.routing = true; } }
            default -> { }
        }
    }

    /**
     * True when no address or only a zero one was read: templates carrying both the IPv4 and the
     * IPv6 element (or a next hop and a BGP next hop) fill the unused one with zeros, in either order.
     */
    static boolean unset(Ip a) {
        return a == null || a.equals(ZERO_V4) || a.equals(ZERO_V6);
    }

    /** NTP timestamp (RFC 7011 6.1.9/6.1.10: seconds since 1900, binary fraction) to Unix milliseconds. */
    private static long ntpMillis(long v) {
        long seconds = (v >>> 32) - NTP_EPOCH_OFFSET;
        long fraction = v & 0xffff_ffffL;
        return seconds * 1000 + (fraction * 1000 >>> 32);
    }

    /** IE 315: an Ethernet frame section; fills only what the record did not carry. */
    private void dataLinkFrame(Wire w, long at, int len, long frameSize, FlowFields f) {
        frame.reset();
        frame.capLen = len;
        frame.wireLen = frameSize > len ? (int) Math.min(frameSize, Integer.MAX_VALUE) : len;
        PacketDecoder.decode(LinkType.ETHERNET, w.s, at, len, frame);
        fillFromPacket(frame, f);
        if (f.bytes < 0 && frameSize >= 0) f.bytes = frameSize;
        if (f.packets < 0) f.packets = 1;
    }

    /** Copies a decoded sampled packet's addresses, ports, protocol, flags and VLAN where unset. */
    static void fillFromPacket(Packet p, FlowFields f) {
        if (!p.isIp()) return;
        if (f.src == null && p.srcKnown) {
            f.src = p.src();
            f.dst = p.dst();
        }
        if (f.proto < 0 && p.proto >= 0) f.proto = p.proto;
        if (f.srcPort < 0 && p.srcPort >= 0) {
            f.srcPort = p.srcPort;
            f.dstPort = p.dstPort;
        }
        if (f.tcpFlags < 0 && p.tcpFlags >= 0) f.tcpFlags = p.tcpFlags;
        if (f.srcVlan < 0 && f.dstVlan < 0 && p.vlan >= 0) {
            f.srcVlan = p.vlan; // a frame seen on one VLAN: it came in and went out on it (as Akvorado reads it)
            f.dstVlan = p.vlan;
        }
    }
}
