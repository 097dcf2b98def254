package netwarden.engine.detect;

import netwarden.model.Packet;

/**
 * The last {@link #SIZE} packets the detector saw, in a ring of plain arrays (one write of each
 * field per packet, no allocation). When an incident opens, the packets from its onset on name
 * its first sources and ports: an attack shorter than its own detection (a 23 ms reflection, a
 * 0.15 s spray) still lists who sent it. At high rates the ring holds only the last few
 * milliseconds, a sample in which heavy hitters still show; the incident's own sketches take over.
 */
final class RecentPackets {
    static final int SIZE = 4096;
    private final long[] srcHi = new long[SIZE], srcLo = new long[SIZE], dstHi = new long[SIZE], dstLo = new long[SIZE];
    private final long[] slot = new long[SIZE], count = new long[SIZE];
    private final int[] srcPort = new int[SIZE], dstPort = new int[SIZE], proto = new int[SIZE], features = new int[SIZE];
    private long written;

    void add(Packet p, int f, long n, long inSlot) {
        int i = (int) (written++ & (SIZE - 1));
        srcHi[i] = p.srcHi;
        srcLo[i] = p.srcLo;
        dstHi[i] = p.dstHi;
        dstLo[i] = p.dstLo;
        srcPort[i] = p.srcPort;
        dstPort[i] = p.dstPort;
        proto[i] = p.proto;
        features[i] = f;
        slot[i] = inSlot;
        count[i] = n;
    }

    /** Feeds the incident's source and port sketches with the kept packets of its scope and vector from its onset on. */
    void seed(IncidentState inc, Scope s) {
        long n = Math.min(written, SIZE);
        for (long k = written - n; k < written; k++) {
            int i = (int) (k & (SIZE - 1));
            if (slot[i] < inc.onsetSlot || !reaches(s, i) || !Vector.matches(inc.kind, features[i], proto[i], srcPort[i])) continue;
            inc.sources.add(srcHi[i], srcLo[i], count[i]);
            if (srcPort[i] >= 0) inc.ports.add(0, srcPort[i], count[i]);
        }
    }

    private boolean reaches(Scope s, int i) {
        return switch (s.kind) {
            case NETWORK -> true;
            case SPRAY -> proto[i] == s.sprayProto && srcPort[i] == s.sprayPort;
            case HOST -> dstHi[i] == s.address.hi() && dstLo[i] == s.address.lo();
            case SERVICE -> dstHi[i] == s.address.hi() && dstLo[i] == s.address.lo() && dstPort[i] == s.servicePort && proto[i] == s.serviceProto;
        };
    }
}
