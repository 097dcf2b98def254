package netwarden.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which AS numbers are hosting, VPN or proxy networks: the built-in list
 * ({@code netwarden/enrich/network-asns.txt}) plus user files read after it, where a later
 * line wins and kind {@code none} removes an AS. Line format: {@code [AS]number kind [# comment]}.
 * Immutable and thread-safe; lookups are a binary search over a sorted long array.
 */
public final class AsnKinds {
    static final String BUILT_IN = "network-asns.txt";

    private final long[] asns;
    private final NetworkKind[] kinds;

    private AsnKinds(Map<Long, NetworkKind> entries) {
        asns = new long[entries.size()];
        kinds = new NetworkKind[entries.size()];
        int i = 0;
        for (var e : entries.entrySet()) {
            asns[i] = e.getKey();
            kinds[i++] = e.getValue();
        }
    }

    /** The built-in list, then each of {@code userFiles} in order. */
    public static AsnKinds load(List<Path> userFiles) throws IOException {
        Map<Long, NetworkKind> entries = new TreeMap<>();
        try (InputStream in = AsnKinds.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IOException("built-in ASN list " + BUILT_IN + " is missing from the jar");
            read(BUILT_IN, in, entries);
        }
        for (Path f : userFiles) {
            try (InputStream in = Files.newInputStream(f)) {
                read(f.toString(), in, entries);
            }
        }
        return new AsnKinds(entries);
    }

    /** The built-in list alone. */
    public static AsnKinds builtIn() {
        try {
            return load(List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The kind of network {@code asn} is, or null when it is not listed. */
    public NetworkKind kind(long asn) {
        int i = Arrays.binarySearch(asns, asn);
        return i >= 0 ? kinds[i] : null;
    }

    public int size() {
        return asns.length;
    }

    private static void read(String name, InputStream in, Map<Long, NetworkKind> entries) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (s.isEmpty()) continue;
            String[] parts = s.split("\\s+");
            if (parts.length != 2) throw new IOException(name + ":" + n + ": expected 'AS-number kind', got: " + s);
            long asn = parseAsn(name, n, parts[0]);
            if (parts[1].equalsIgnoreCase("none")) {
                entries.remove(asn);
                continue;
            }
            try {
                entries.put(asn, NetworkKind.parse(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new IOException(name + ":" + n + ": " + e.getMessage() + " (or none)");
            }
        }
    }

    private static long parseAsn(String name, int line, String text) throws IOException {
        String digits = text.regionMatches(true, 0, "AS", 0, 2) ? text.substring(2) : text;
        try {
            long asn = Long.parseLong(digits);
            if (asn > 0 && asn <= 0xffff_ffffL) return asn;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(name + ":" + line + ": not an AS number: " + text);
    }
}
