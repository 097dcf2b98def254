package netwarden.decode.flow;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.model.Ip;
import netwarden.model.Packet;

/**
 * Framing for flow exports kept in capture files: walks a {@link CaptureReader} and yields the UDP
 * payload of every unfragmented UDP datagram, whatever its ports. The payload runs for the UDP
 * length, cut to what was captured (a cut payload then fails to decode and is counted as damaged).
 * Not thread-safe; the payload view is valid until the next call.
 */
public final class UdpDatagrams {
    private final CaptureReader reader;
    private final Packet p = new Packet();
    private MemorySegment payload;
    private long skippedFrames;

    public UdpDatagrams(CaptureReader reader) {
        this.reader = reader;
    }

    /** Advances to the next UDP datagram; false at the end of the capture. */
    public boolean next() throws DecodeException {
        while (reader.next(p)) {
            if (p.proto != 17 || p.fragment != Packet.FRAG_NONE || p.payloadLen < 0 || p.l3Offset < 0) {
                skippedFrames++;
                continue;
            }
            MemorySegment frame = reader.frame();
            long udp = udpOffset(frame, p.l3Offset, p.ipVersion);
            if (udp < 0 || udp + 8 > frame.byteSize()) {
                skippedFrames++;
                continue;
            }
            long start = udp + 8;
            payload = frame.asSlice(start, Math.min(p.payloadLen, frame.byteSize() - start));
            return true;
        }
        return false;
    }

    /** The current datagram's UDP payload. */
    public MemorySegment payload() {
        return payload;
    }

    public Ip source() {
        return p.src();
    }

    public int sourcePort() {
        return p.srcPort;
    }

    public int destinationPort() {
        return p.dstPort;
    }

    public long timestampNanos() {
        return p.tsNanos;
    }

    /** Frames that were not unfragmented UDP (other protocols, fragments, cut headers). */
    public long skippedFrames() {
        return skippedFrames;
    }

    /** Offset of the UDP header: after the IPv4 options, or after the IPv6 extension chain. */
    static long udpOffset(MemorySegment f, long ip, int version) {
        if (version == 4) return ip + (f.get(ValueLayout.JAVA_BYTE, ip) & 0x0f) * 4L;
        long size = f.byteSize();
        if (ip + 40 > size) return -1;
        int next = f.get(ValueLayout.JAVA_BYTE, ip + 6) & 0xff;
        long at = ip + 40;
        for (int hops = 0; next != 17 && hops < 16; hops++) {
            if (at + 2 > size) return -1;
            int hdrLen = f.get(ValueLayout.JAVA_BYTE, at + 1) & 0xff;
            long len = switch (next) {
                case 0, 43, 60 -> (hdrLen + 1) * 8L;
                case 44 -> 8;
                case 51 -> (hdrLen + 2) * 4L;
                default -> -1;
            };
            if (len < 0) return -1;
            next = f.get(ValueLayout.JAVA_BYTE, at) & 0xff;
            at += len;
        }
        return next == 17 ? at : -1;
    }
}
