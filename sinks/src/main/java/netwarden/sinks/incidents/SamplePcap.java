package netwarden.sinks.incidents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import netwarden.model.CapturedFrame;

/**
 * Writes attack samples as a classic nanosecond pcap (magic a1b23c4d, little-endian), readable by
 * tcpdump, tshark and netwarden itself. All frames of one file share the first frame's link type.
 */
public final class SamplePcap {
    private SamplePcap() {}

    public static void write(OutputStream out, List<CapturedFrame> frames) throws IOException {
        int linkType = frames.isEmpty() ? 1 : frames.getFirst().linkType();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(linkType);
        out.write(h.array());
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (CapturedFrame f : frames) {
            r.clear();
            r.putInt((int) Math.floorDiv(f.tsNanos(), 1_000_000_000L)).putInt((int) Math.floorMod(f.tsNanos(), 1_000_000_000L))
                    .putInt(f.data().length).putInt(Math.max(f.wireLen(), f.data().length));
            out.write(r.array());
            out.write(f.data());
        }
    }
}
