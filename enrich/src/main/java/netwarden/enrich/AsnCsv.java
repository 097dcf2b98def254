package netwarden.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;

/**
 * Reads ASN range CSVs in the {@code @ip-location-db/asn} layout into an {@link AsnTable}: one range
 * per line, {@code first,last,asn,organisation}, addresses written as IPv4 or IPv6 literals (the
 * {@code -num} variants of the package are not read), the organisation optionally in double quotes
 * with {@code ""} for a quote. IPv4 and IPv6 lines may share a file. Unsorted input is sorted.
 */
public final class AsnCsv {
    private final IntList v4Start = new IntList(), v4End = new IntList(), v4Asn = new IntList(), v4Org = new IntList();
    private final List<long[]> v6 = new ArrayList<>(); // {startHi, startLo, endHi, endLo, asn, org}
    private final Map<String, Integer> orgIndex = new HashMap<>();
    private final List<String> orgs = new ArrayList<>();

    private AsnCsv() {}

    /** Reads every file in order; throws IOException naming file and line on a malformed line. */
    public static AsnTable read(List<Path> files) throws IOException {
        AsnCsv csv = new AsnCsv();
        for (Path f : files) csv.readFile(f);
        return csv.build();
    }

    private void readFile(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                try {
                    add(line);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ":" + n + ": " + e.getMessage());
                }
            }
        }
    }

    void add(String line) {
        int c1 = line.indexOf(','), c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1), c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
        if (c3 < 0) throw new IllegalArgumentException("expected first,last,asn,organisation: " + abbreviate(line));
        Ip first = address(line, 0, c1);
        Ip last = address(line, c1 + 1, c2);
        long asn;
        try {
            asn = Long.parseLong(line.substring(c2 + 1, c3).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("asn is not a number: " + line.substring(c2 + 1, c3));
        }
        if (asn < 0 || asn > 0xffff_ffffL) throw new IllegalArgumentException("asn out of range: " + asn);
        if (first.isV4() != last.isV4()) throw new IllegalArgumentException("range mixes IPv4 and IPv6: " + abbreviate(line));
        if (first.compareTo(last) > 0) throw new IllegalArgumentException("range ends before it starts: " + abbreviate(line));
        int org = org(unquote(line.substring(c3 + 1)));
        if (first.isV4()) {
            v4Start.add(first.v4() ^ Integer.MIN_VALUE);
            v4End.add(last.v4() ^ Integer.MIN_VALUE);
            v4Asn.add((int) asn);
            v4Org.add(org);
        } else {
            v6.add(new long[] {first.hi() ^ Long.MIN_VALUE, first.lo() ^ Long.MIN_VALUE,
                last.hi() ^ Long.MIN_VALUE, last.lo() ^ Long.MIN_VALUE, asn, org});
        }
    }

    /** IPv4 dotted quads are parsed by hand (half a million lines); anything else through {@link Ip#parse}. */
    static Ip address(String line, int from, int to) {
        int v = 0, octet = -1, dots = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) break;
            } else if (c == '.' && octet >= 0 && dots < 3) {
                v = (v << 8) | octet;
                octet = -1;
                dots++;
            } else {
                return Ip.parse(line.substring(from, to));
            }
        }
        if (dots == 3 && octet >= 0 && octet <= 255) return Ip.ofV4((v << 8) | octet);
        return Ip.parse(line.substring(from, to));
    }

    private int org(String name) {
        if (name.isEmpty()) return -1;
        return orgIndex.computeIfAbsent(name, k -> {
            orgs.add(k);
            return orgs.size() - 1;
        });
    }

    static String unquote(String field) {
        String s = field.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        return s;
    }

    private AsnTable build() {
        int n = v4Start.size;
        int[] order = v4Order(n);
        int[] s = new int[n], e = new int[n], a = new int[n], o = new int[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            s[i] = v4Start.values[j];
            e[i] = v4End.values[j];
            a[i] = v4Asn.values[j];
            o[i] = v4Org.values[j];
        }
        v6.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        int m = v6.size();
        long[] sh = new long[m], sl = new long[m], eh = new long[m], el = new long[m];
        int[] a6 = new int[m], o6 = new int[m];
        for (int i = 0; i < m; i++) {
            long[] r = v6.get(i);
            sh[i] = r[0];
            sl[i] = r[1];
            eh[i] = r[2];
            el[i] = r[3];
            a6[i] = (int) r[4];
            o6[i] = (int) r[5];
        }
        return new AsnTable(s, e, a, o, sh, sl, eh, el, a6, o6, orgs.toArray(String[]::new));
    }

    /** Indexes of the v4 ranges by start; the identity when already sorted (the usual case). */
    private int[] v4Order(int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = v4Start.values[i - 1] <= v4Start.values[i];
        if (sorted) {
            int[] id = new int[n];
            Arrays.setAll(id, i -> i);
            return id;
        }
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) keyed[i] = ((long) v4Start.values[i] << 32) | i;
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = (int) keyed[i];
        return order;
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    /** A growable int array, to avoid boxing half a million ranges. */
    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }
    }
}
