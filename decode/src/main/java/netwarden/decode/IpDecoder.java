package netwarden.decode;

import static netwarden.decode.Bytes.i32;
import static netwarden.decode.Bytes.i64;
import static netwarden.decode.Bytes.u16;
import static netwarden.decode.Bytes.u8;

import java.lang.foreign.MemorySegment;
import netwarden.model.Packet;

/**
 * IPv4 and IPv6 headers, including the IPv6 extension-header chain. Positions are absolute offsets
 * into the segment; {@code end} is the end of the captured frame.
 */
final class IpDecoder {
    /** IPv4-mapped prefix ::ffff:0:0/96 in the low long, as in {@link netwarden.model.Ip}. */
    private static final long V4_MAPPED = 0x0000_ffff_0000_0000L;
    private static final int HOP_BY_HOP = 0, ROUTING = 43, FRAGMENT = 44, AUTH = 51, DEST_OPTIONS = 60;

    private IpDecoder() {}

    /**
     * The link layer said IPv4. A version nibble other than 4 leaves a bogus IPv4 header (ipVersion 4,
     * proto -1), even when it is 6: the frame is still counted where its link layer put it. A header
     * cut by the snaplen yields each field whose bytes were captured, in header order, as tshark
     * does: Total Length from 4 bytes, fragment flags from 8, TTL from 9, protocol from 10, the
     * source from 16, the destination (and with it the transport header) only from 20.
     */
    static void ipv4(MemorySegment s, long frame, long at, long end, Packet p) {
        p.ipVersion = 4;
        p.l3Offset = (int) (at - frame);
        long captured = end - at;
        if (captured < 1) return;
        int first = u8(s, at);
        int headerLen = (first & 0x0f) * 4;
        if (first >>> 4 != 4 || headerLen < 20 || captured < 4) return;
        int totalLen = u16(s, at + 2);
        if (totalLen == 0) totalLen = restOfFrame(frame, at, end, p);
        p.ipBytes = totalLen;
        if (totalLen < headerLen || captured < 8) return;
        int flagsOffset = u16(s, at + 6);
        boolean later = (flagsOffset & 0x1fff) != 0;
        p.fragment = later ? Packet.FRAG_LATER : (flagsOffset & 0x2000) != 0 ? Packet.FRAG_FIRST : Packet.FRAG_NONE;
        if (captured < 9) return;
        p.ttl = u8(s, at + 8);
        if (captured < 10) return;
        p.proto = u8(s, at + 9);
        if (captured < 16) return;
        p.srcHi = 0;
        p.srcLo = V4_MAPPED | (i32(s, at + 12) & 0xffff_ffffL);
        p.srcKnown = true;
        if (captured < 20) return;
        p.dstHi = 0;
        p.dstLo = V4_MAPPED | (i32(s, at + 16) & 0xffff_ffffL);
        if (later) return; // the transport header is in the first fragment only
        long transport = at + headerLen;
        long transportEnd = Math.min(end, at + totalLen);
        TransportDecoder.decode(s, transport, transportEnd, totalLen - headerLen, p);
    }

    /**
     * Total Length 0 is what the sending host captures of a TSO/LSO segment, before the NIC splits it
     * and fills the field in. Like tshark, take the rest of the frame on the wire.
     */
    private static int restOfFrame(long frame, long at, long end, Packet p) {
        long frameEnd = p.wireLen >= end - frame ? frame + p.wireLen : end;
        return (int) (frameEnd - at);
    }

    /**
     * IPv6 and its extension chain. A fixed header cut by the snaplen yields, as tshark does, the
     * payload length and next header from 7 bytes (the next header is then the protocol: the last
     * one known), the hop limit from 8 and the source from 24; the chain and transport need all 40.
     */
    static void ipv6(MemorySegment s, long frame, long at, long end, Packet p) {
        p.ipVersion = 6;
        p.l3Offset = (int) (at - frame);
        long captured = end - at;
        if (captured < 7 || u8(s, at) >>> 4 != 6) return;
        int payloadLen = u16(s, at + 4);
        int next = u8(s, at + 6);
        p.ipBytes = 40 + payloadLen;
        if (captured < 40) p.proto = next; // the chain is not reached: the last protocol known
        if (captured < 8) return;
        p.ttl = u8(s, at + 7);
        if (captured < 24) return;
        p.srcHi = i64(s, at + 8);
        p.srcLo = i64(s, at + 16);
        p.srcKnown = true;
        if (captured < 40) return;
        p.dstHi = i64(s, at + 24);
        p.dstLo = i64(s, at + 32);
        long payloadEnd = at + 40 + payloadLen;
        long limit = Math.min(end, payloadEnd);
        long cur = at + 40;
        // Each step moves at least 8 bytes forward, so the walk ends.
        while (next == HOP_BY_HOP || next == ROUTING || next == FRAGMENT || next == AUTH || next == DEST_OPTIONS) {
            // As tshark reads a cut chain: an extension header begun at the capture's end is there
            // but unread, and its next header shows from 1 byte (Routing), all 8 (Fragment) or 2
            // (the others); short of that the protocol is unknown (-1).
            int needed = next == ROUTING ? 1 : next == FRAGMENT ? 8 : 2;
            if (limit - cur < needed) return;
            int following = u8(s, cur);
            if (next == FRAGMENT) {
                int offsetFlags = u16(s, cur + 2);
                if ((offsetFlags & 0xfff8) != 0) {
                    p.fragment = Packet.FRAG_LATER;
                    p.proto = following;
                    return;
                }
                p.fragment = (offsetFlags & 1) != 0 ? Packet.FRAG_FIRST : Packet.FRAG_NONE;
            }
            if (limit - cur < 2) { // a Routing header's first byte alone: its length is not captured
                p.proto = following;
                return;
            }
            long size = next == FRAGMENT ? 8 : next == AUTH ? (u8(s, cur + 1) + 2L) * 4 : (u8(s, cur + 1) + 1L) * 8;
            if (limit - cur < size) {
                p.proto = following; // header cut after its next-header field: the last protocol known
                return;
            }
            cur += size;
            next = following;
        }
        p.proto = next;
        TransportDecoder.decode(s, cur, limit, (int) (payloadEnd - cur), p);
    }
}
