package netwarden.sources.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import netwarden.decode.flow.InterfaceCounters;

/**
 * sFlow counter samples as interface utilisation: the agent's cumulative ifInOctets/ifOutOctets
 * become bits per second from the difference of two samples over their receive times (a counter
 * that went backwards, an agent restart or a 32-bit wrap, restarts the rate), and over ifSpeed a
 * utilisation ratio. Written by the decode thread; each interface's state is one immutable record
 * swapped in, so a scrape reads a consistent sample.
 */
final class InterfaceUtilisation {
    static final int MAX_INTERFACES = 16_384;

    record Key(String agent, long ifIndex) {}

    /** The latest sample of one interface; rates are -1 until two samples were seen. */
    record Sample(long inOctets, long outOctets, long speed, long atNanos, double inBps, double outBps) {
        double ratio(double bps) {
            return speed > 0 && bps >= 0 ? bps / speed : -1;
        }
    }

    final Map<Key, Sample> interfaces = new ConcurrentHashMap<>();

    void update(InterfaceCounters c, long receivedNanos) {
        Key key = new Key(c.agent().toString(), c.ifIndex());
        Sample old = interfaces.get(key);
        if (old == null && interfaces.size() >= MAX_INTERFACES) return;
        double in = -1, out = -1;
        if (old != null && receivedNanos > old.atNanos) {
            double seconds = (receivedNanos - old.atNanos) / 1e9;
            in = c.inOctets() >= old.inOctets ? (c.inOctets() - old.inOctets) * 8 / seconds : -1;
            out = c.outOctets() >= old.outOctets ? (c.outOctets() - old.outOctets) * 8 / seconds : -1;
        }
        interfaces.put(key, new Sample(c.inOctets(), c.outOctets(), c.ifSpeed(), receivedNanos, in, out));
    }
}
