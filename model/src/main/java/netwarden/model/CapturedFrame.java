package netwarden.model;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A copy of one captured frame, kept as an attack sample (written as pcap by a sink). */
public record CapturedFrame(long tsNanos, int linkType, int wireLen, byte[] data) {
    /** Copies the frame of {@code p} ({@code p.capLen} bytes at {@code offset} of {@code data}, cut at its end). */
    public static CapturedFrame copy(Packet p, int linkType, MemorySegment data, long offset) {
        long length = Math.min(p.capLen, data.byteSize() - offset);
        return new CapturedFrame(p.tsNanos, linkType, p.wireLen, data.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE));
    }
}
