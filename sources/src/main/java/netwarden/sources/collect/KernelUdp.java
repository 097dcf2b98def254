package netwarden.sources.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the kernel says about a UDP socket: the {@code net.core.rmem_max} cap on receive buffers and
 * the datagrams it dropped for a full buffer ({@code drops}, the last column of {@code /proc/net/udp}
 * and {@code udp6}). The parsing is pure; only {@link #read} touches /proc.
 */
public final class KernelUdp {
    public static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");
    public static final Path UDP = Path.of("/proc/net/udp");
    public static final Path UDP6 = Path.of("/proc/net/udp6");

    private KernelUdp() {}

    /**
     * The drops of every socket bound to {@code port} in one /proc/net/udp{,6} table (a listener on a
     * wildcard address and one on a specific address of the same port both count), or 0 when none.
     */
    public static long drops(String table, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        long sum = 0;
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
            if (f.length < 13 || !f[0].endsWith(":") || !f[1].toUpperCase(Locale.ROOT).endsWith(hexPort)) continue;
            try {
                sum += Long.parseLong(f[12]);
            } catch (NumberFormatException e) {
                // a kernel with another layout: nothing to add
            }
        }
        return sum;
    }

    /** Drops of sockets on {@code port} from both tables; -1 when /proc cannot be read (not Linux, no /proc). */
    public static long drops(int port) {
        String v4 = read(UDP), v6 = read(UDP6);
        if (v4 == null && v6 == null) return -1;
        return (v4 == null ? 0 : drops(v4, port)) + (v6 == null ? 0 : drops(v6, port));
    }

    /** {@code net.core.rmem_max} in bytes, -1 when unknown. */
    public static long rmemMax() {
        String s = read(RMEM_MAX);
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String read(Path p) {
        // A stream, not Files.readAllBytes: that trusts the size procfs reports and can return one byte of rmem_max.
        try (var in = Files.newInputStream(p)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
