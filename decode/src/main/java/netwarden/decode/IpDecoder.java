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
     * proto -1), even when it is 6: the frame is still counted where its link layer put it.
     */
    static void ipv4(MemorySegment s, long frame, long at, long end, Packet p) {
        p.ipVersion = 4;
        p.l3Offset = (int) (at - frame);
        if (end - at < 20) return; // fixed header not captured
        int first = u8(s, at);
        int headerLen = (first & 0x0f) * 4;
        if (first >>> 4 != 4 || headerLen < 20) return;
        int totalLen = u16(s, at + 2);
        if (totalLen == 0) totalLen = restOfFrame(frame, at, end, p);
        p.ipBytes = totalLen;
        if (totalLen < headerLen) return;
        p.ttl = u8(s, at + 8);
        p.proto = u8(s, at + 9);
        p.srcHi = 0;
        p.srcLo = V4_MAPPED | (i32(s, at + 12) & 0xffff_ffffL);
        p.dstHi = 0;
        p.dstLo = V4_MAPPED | (i32(s, at + 16) & 0xffff_ffffL);
        int flagsOffset = u16(s, at + 6);
        boolean moreFragments = (flagsOffset & 0x2000) != 0;
        if ((flagsOffset & 0x1fff) != 0) {
            p.fragment = Packet.FRAG_LATER;
            return; // the transport header is in the first fragment only
        }
        p.fragment = moreFragments ? Packet.FRAG_FIRST : Packet.FRAG_NONE;
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

    static void ipv6(MemorySegment s, long frame, long at, long end, Packet p) {
        p.ipVersion = 6;
        p.l3Offset = (int) (at - frame);
        if (end - at < 40 || u8(s, at) >>> 4 != 6) return;
        int payloadLen = u16(s, at + 4);
        int next = u8(s, at + 6);
        p.ttl = u8(s, at + 7);
        p.ipBytes = 40 + payloadLen;
        p.srcHi = i64(s, at + 8);
        p.srcLo = i64(s, at + 16);
        p.dstHi = i64(s, at + 24);
        p.dstLo = i64(s, at + 32);
        long payloadEnd = at + 40 + payloadLen;
        long limit = Math.min(end, payloadEnd);
        long cur = at + 40;
        // Each step moves at least 8 bytes forward, so the walk ends.
        while (next == HOP_BY_HOP || next == ROUTING || next == FRAGMENT || next == AUTH || next == DEST_OPTIONS) {
            if (limit - cur < 8) {
                p.proto = next; // chain cut: the last protocol number we know
                return;
            }
            int following = u8(s, cur);
            if (next == FRAGMENT) {
                int offsetFlags = u16(s, cur + 2);
                if ((offsetFlags & 0xfff8) != 0) {
                    p.fragment = Packet.FRAG_LATER;
                    p.proto = following;
                    return;
                }
                p.fragment = (offsetFlags & 1) != 0 ? Packet.FRAG_FIRST : Packet.FRAG_NONE;
                cur += 8;
            } else if (next == AUTH) {
                cur += (u8(s, cur + 1) + 2L) * 4;
            } else {
                cur += (u8(s, cur + 1) + 1L) * 8;
            }
            next = following;
        }
        p.proto = next;
        TransportDecoder.decode(s, cur, limit, (int) (payloadEnd - cur), p);
    }
}
