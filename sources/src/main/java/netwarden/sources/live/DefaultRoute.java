package netwarden.sources.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the interface holding the default route, from /proc/net/route (IPv4) and, when IPv4 has
 * none, /proc/net/ipv6_route. Reads {@code /proc/thread-self/net}, so it answers for the calling
 * thread's network namespace. Among several default routes the lowest metric wins.
 */
public final class DefaultRoute {
    private static final int RTF_UP = 0x1, RTF_REJECT = 0x200;

    private DefaultRoute() {}

    public static String find() throws CaptureException {
        Path net = Path.of("/proc/thread-self/net");
        try {
            Optional<String> v4 = ipv4(read(net.resolve("route")));
            if (v4.isPresent()) return v4.get();
            Optional<String> v6 = ipv6(read(net.resolve("ipv6_route")));
            if (v6.isPresent()) return v6.get();
        } catch (IOException e) {
            throw new CaptureException("cannot read the routing table to find the default interface: " + e.getMessage()
                    + "; set capture.interfaces (or --interface)", e);
        }
        throw new CaptureException("no default route, so no default interface; set capture.interfaces (or --interface)");
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** The default-route interface in the text of /proc/net/route. */
    public static Optional<String> ipv4(String text) {
        String best = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) continue;
            try {
                int flags = Integer.parseInt(f[3], 16);
                long metric = Long.parseLong(f[6]);
                if (f[1].equals("00000000") && f[7].equals("00000000") && (flags & RTF_UP) != 0
                        && (flags & RTF_REJECT) == 0 && metric < bestMetric) {
                    best = f[0];
                    bestMetric = metric;
                }
            } catch (NumberFormatException ignored) {
                // not a route line
            }
        }
        return Optional.ofNullable(best);
    }

    /** The default-route interface in the text of /proc/net/ipv6_route (never lo). */
    public static Optional<String> ipv6(String text) {
        String best = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) continue;
            try {
                long metric = Long.parseLong(f[5], 16);
                int flags = Integer.parseInt(f[8], 16);
                if (f[0].matches("0{32}") && f[1].equals("00") && !f[9].equals("lo") && (flags & RTF_UP) != 0
                        && (flags & RTF_REJECT) == 0 && metric < bestMetric) {
                    best = f[9];
                    bestMetric = metric;
                }
            } catch (NumberFormatException ignored) {
                // not a route line
            }
        }
        return Optional.ofNullable(best);
    }
}
