package netwarden.sources.proc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One interface's line of /proc/net/dev: cumulative counters since the interface appeared.
 */
public record InterfaceCounters(String name, long rxBytes, long rxPackets, long rxDrops, long txBytes, long txPackets,
                                long txDrops) {

    /**
     * Parses the text of /proc/net/dev.
     *
     * @throws IllegalArgumentException naming the line when an interface line is malformed
     */
    public static Map<String, InterfaceCounters> parse(String text) {
        var out = new LinkedHashMap<String, InterfaceCounters>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) continue; // the two header lines
            String name = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 16) throw new IllegalArgumentException("/proc/net/dev line " + (i + 1) + " has " + f.length
                    + " counters, expected 16: '" + line.trim() + "'");
            try {
                out.put(name, new InterfaceCounters(name, Long.parseUnsignedLong(f[0]), Long.parseUnsignedLong(f[1]),
                        Long.parseUnsignedLong(f[3]), Long.parseUnsignedLong(f[8]), Long.parseUnsignedLong(f[9]),
                        Long.parseUnsignedLong(f[11])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("/proc/net/dev line " + (i + 1) + " is not numeric: '" + line.trim() + "'", e);
            }
        }
        return out;
    }

    public long packets() {
        return rxPackets + txPackets;
    }

    public long bytes() {
        return rxBytes + txBytes;
    }

    public long drops() {
        return rxDrops + txDrops;
    }
}
