package netwarden.decode.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message inside a receive buffer: its header fields and where its payload lies
 * ({@code [payload, payload + payloadLength)} of {@code buffer}; the buffer is shared, not copied).
 */
public record NetlinkMessage(int type, int flags, int seq, int pid, byte[] buffer, int payload, int payloadLength) {

    /** The nfnetlink subsystem (high byte of the type), e.g. {@link Nl#NFNL_SUBSYS_CTNETLINK}. */
    public int subsystem() {
        return type >>> 8;
    }

    /** The message kind within its subsystem (low byte of the type). */
    public int kind() {
        return type & 0xff;
    }

    /** For {@link Nl#NLMSG_ERROR}: the negative errno (0 is an acknowledgement). */
    public int error() throws NetlinkException {
        if (payloadLength < 4) throw new NetlinkException("netlink", payload, "NLMSG_ERROR shorter than its error code: " + payloadLength);
        return Nl.u32h(buffer, payload);
    }

    /**
     * Splits the first {@code length} bytes of a datagram into its messages (framing only).
     *
     * @throws NetlinkException when a header is cut or a length is below the header or past the end
     */
    public static List<NetlinkMessage> split(byte[] buffer, int length) throws NetlinkException {
        if (length < 0 || length > buffer.length) throw new IllegalArgumentException("length " + length + " outside the buffer");
        var out = new ArrayList<NetlinkMessage>(4);
        int at = 0;
        while (at < length) {
            if (length - at < Nl.NLMSG_HDRLEN)
                throw new NetlinkException("netlink", at, "header cut: " + (length - at) + " bytes left, need " + Nl.NLMSG_HDRLEN);
            int len = Nl.u32h(buffer, at);
            if (len < Nl.NLMSG_HDRLEN || len > length - at)
                throw new NetlinkException("netlink", at, "nlmsg_len " + Integer.toUnsignedString(len) + " outside [16, " + (length - at) + "]");
            out.add(new NetlinkMessage(Nl.u16h(buffer, at + 4), Nl.u16h(buffer, at + 6), Nl.u32h(buffer, at + 8),
                    Nl.u32h(buffer, at + 12), buffer, at + Nl.NLMSG_HDRLEN, len - Nl.NLMSG_HDRLEN));
            at += Math.min(Nl.align(len), length - at);
        }
        return out;
    }
}
