package netwarden.enrich;

import java.util.Arrays;
import netwarden.model.Ip;

/**
 * Address ranges to AS number and organisation, as sorted primitive arrays searched by binary
 * search: about 0.5 M ranges take ~15 MB and a lookup takes a few hundred nanoseconds without
 * allocating. Immutable and thread-safe once built; build it with {@link AsnCsv}.
 *
 * <p>Ranges must not overlap; when they do, a lookup finds the one with the greatest start not
 * above the address. Unsigned order is kept by flipping the sign bit, so plain signed comparisons
 * work on the stored values.
 */
public final class AsnTable {
    /** A table that knows no ranges. */
    public static final AsnTable EMPTY = new AsnTable(new int[0], new int[0], new int[0], new int[0],
            new long[0], new long[0], new long[0], new long[0], new int[0], new int[0], new String[0]);

    private final int[] v4Start, v4End, v4Asn, v4Org;
    private final long[] v6StartHi, v6StartLo, v6EndHi, v6EndLo;
    private final int[] v6Asn, v6Org;
    private final String[] orgs;

    AsnTable(int[] v4Start, int[] v4End, int[] v4Asn, int[] v4Org, long[] v6StartHi, long[] v6StartLo,
             long[] v6EndHi, long[] v6EndLo, int[] v6Asn, int[] v6Org, String[] orgs) {
        this.v4Start = v4Start;
        this.v4End = v4End;
        this.v4Asn = v4Asn;
        this.v4Org = v4Org;
        this.v6StartHi = v6StartHi;
        this.v6StartLo = v6StartLo;
        this.v6EndHi = v6EndHi;
        this.v6EndLo = v6EndLo;
        this.v6Asn = v6Asn;
        this.v6Org = v6Org;
        this.orgs = orgs;
    }

    /** The matching range's index (v4 ranges first, then v6), or -1 when no range holds the address. */
    public int find(long hi, long lo) {
        if (Ip.isV4(hi, lo)) {
            int key = (int) lo ^ Integer.MIN_VALUE;
            int i = floor(v4Start, key);
            return i >= 0 && key <= v4End[i] ? i : -1;
        }
        long kh = hi ^ Long.MIN_VALUE, kl = lo ^ Long.MIN_VALUE;
        int lowIdx = 0, high = v6StartHi.length - 1, found = -1;
        while (lowIdx <= high) {
            int mid = (lowIdx + high) >>> 1;
            if (compare(v6StartHi[mid], v6StartLo[mid], kh, kl) <= 0) {
                found = mid;
                lowIdx = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (found < 0 || compare(kh, kl, v6EndHi[found], v6EndLo[found]) > 0) return -1;
        return v4Start.length + found;
    }

    public int find(Ip address) {
        return find(address.hi(), address.lo());
    }

    /** AS number of range {@code index} from {@link #find}. */
    public long asn(int index) {
        int raw = index < v4Start.length ? v4Asn[index] : v6Asn[index - v4Start.length];
        return raw & 0xffff_ffffL;
    }

    /** Organisation of range {@code index}, or null when the file gave none. */
    public String org(int index) {
        int o = index < v4Start.length ? v4Org[index] : v6Org[index - v4Start.length];
        return o < 0 ? null : orgs[o];
    }

    /** Number of IPv4 plus IPv6 ranges. */
    public int size() {
        return v4Start.length + v6StartHi.length;
    }

    private static int floor(int[] starts, int key) {
        int i = Arrays.binarySearch(starts, key);
        return i >= 0 ? i : -i - 2;
    }

    private static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compare(ah, bh);
        return c != 0 ? c : Long.compare(al, bl);
    }
}
