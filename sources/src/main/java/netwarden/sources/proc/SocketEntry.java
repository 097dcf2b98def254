package netwarden.sources.proc;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;
import netwarden.model.Proto;

/**
 * One socket of /proc/net/{tcp,tcp6,udp,udp6}.
 *
 * @param state the kernel's TCP state number (1 established, 10 listen); UDP uses 1 for a
 *              connected socket and 7 for an unconnected one
 */
public record SocketEntry(int proto, Ip local, int localPort, Ip remote, int remotePort, int state) {
    public static final int ESTABLISHED = 1, CLOSE = 7, LISTEN = 10;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** A TCP connection in ESTABLISHED, or a UDP socket connected to a peer. */
    public boolean connected() {
        return state == ESTABLISHED && remotePort != 0;
    }

    /** A TCP listener, or a UDP socket bound but not connected (a server socket). */
    public boolean listening() {
        return proto == Proto.TCP ? state == LISTEN : state == CLOSE && remotePort == 0;
    }

    /**
     * Parses one socket table; {@code proto} is TCP or UDP, the address family comes from each line.
     *
     * @throws IllegalArgumentException naming the line when a socket line is malformed
     */
    public static List<SocketEntry> parse(int proto, String text) {
        var out = new ArrayList<SocketEntry>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            try {
                if (f.length < 4) throw new IllegalArgumentException("too few fields");
                int lc = f[1].indexOf(':'), rc = f[2].indexOf(':');
                out.add(new SocketEntry(proto, address(f[1].substring(0, lc)), Integer.parseInt(f[1].substring(lc + 1), 16),
                        address(f[2].substring(0, rc)), Integer.parseInt(f[2].substring(rc + 1), 16), Integer.parseInt(f[3], 16)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("socket table line " + (i + 1) + " is malformed (" + e.getMessage() + "): '"
                        + line + "'", e);
            }
        }
        return out;
    }

    /** The kernel prints each 32-bit word of the address as it lies in memory, in hex. */
    static Ip address(String hex) {
        if (hex.length() != 8 && hex.length() != 32) throw new IllegalArgumentException("address must be 8 or 32 hex digits: " + hex);
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            int word = Integer.parseUnsignedInt(hex.substring(w * 8, w * 8 + 8), 16);
            if (LITTLE_ENDIAN) word = Integer.reverseBytes(word);
            b[w * 4] = (byte) (word >>> 24);
            b[w * 4 + 1] = (byte) (word >>> 16);
            b[w * 4 + 2] = (byte) (word >>> 8);
            b[w * 4 + 3] = (byte) word;
        }
        Ip ip = Ip.of(b);
        return ip;
    }
}
