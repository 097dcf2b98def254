package netwarden.decode;

import static netwarden.decode.Bytes.u16;
import static netwarden.decode.Bytes.u8;

import java.lang.foreign.MemorySegment;
import netwarden.model.Packet;
import netwarden.model.Proto;

/** TCP and UDP headers: ports, TCP flags and payload length. Other protocols carry no ports. */
final class TransportDecoder {
    private TransportDecoder() {}

    /**
     * @param at           first byte of the transport header
     * @param end          end of what is both captured and inside the IP length
     * @param ipPayloadLen bytes after the IP header(s) according to the IP header
     */
    static void decode(MemorySegment s, long at, long end, int ipPayloadLen, Packet p) {
        long avail = end - at;
        if (p.proto == Proto.TCP) {
            if (avail < 4) return;
            p.srcPort = u16(s, at);
            p.dstPort = u16(s, at + 2);
            if (avail < 16) return; // tshark reads data offset, flags and window together, then shows the flags
            int headerLen = (u8(s, at + 12) >>> 4) * 4;
            if (headerLen < 20) return; // bogus data offset: no flags
            p.tcpFlags = u8(s, at + 13);
            if (p.fragment == Packet.FRAG_NONE && ipPayloadLen >= headerLen) p.payloadLen = ipPayloadLen - headerLen;
        } else if (p.proto == Proto.UDP) {
            if (avail < 4) return;
            p.srcPort = u16(s, at);
            p.dstPort = u16(s, at + 2);
            if (avail < 8) return; // ports kept, as for TCP and in tshark; the length is cut off
            int udpLen = u16(s, at + 4);
            if (udpLen >= 8) p.payloadLen = udpLen - 8;
        }
    }
}
