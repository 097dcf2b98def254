package netwarden.decode.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Data sets that arrived before their template, copied out of their datagram, with the header
 * values needed to decode them later. Bounded in count and in age (datagrams seen since); what
 * falls out is counted as dropped by the caller.
 */
final class HeldSets {
    /** A held set: its key, its records' bytes and its datagram's clock values. */
    record Held(TemplateKey key, byte[] body, long exportMillis, long uptimeMillis, long seq) {}

    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final int max;
    private final int maxAge;

    HeldSets(int max, int maxAge) {
        this.max = max;
        this.maxAge = maxAge;
    }

    /** Holds a set; returns how many older sets were dropped to make room (all of them when max is 0). */
    int hold(Held h) {
        if (max == 0) return 1;
        int dropped = 0;
        while (held.size() >= max) {
            held.removeFirst();
            dropped++;
        }
        held.addLast(h);
        return dropped;
    }

    /** Removes and returns the sets waiting for this template, oldest first. */
    List<Held> release(TemplateKey key) {
        if (held.isEmpty()) return List.of();
        List<Held> out = new ArrayList<>(2);
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.key().equals(key)) {
                out.add(h);
                it.remove();
            }
        }
        return out;
    }

    /** Drops sets held for more than maxAge datagrams before datagram {@code seq}; returns how many. */
    int expire(long seq) {
        int dropped = 0;
        while (!held.isEmpty() && seq - held.peekFirst().seq() > maxAge) {
            held.removeFirst();
            dropped++;
        }
        return dropped;
    }

    /** Drops everything (end of input); returns how many. */
    int clear() {
        int n = held.size();
        held.clear();
        return n;
    }

    int size() {
        return held.size();
    }
}
