package netwarden.sources.router.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import netwarden.model.Ip;

/**
 * Which domain an address was last given out for, so a connection to it can carry its domain.
 *
 * <p>Design notes: bounded ({@code capacity} entries, the least recently answered evicted first)
 * and expiring ({@code ttl} after the answer; dnsmasq's log has no TTLs, so one retention applies).
 * Time comes from the caller. Synchronized: the DNS tail writes, connection handling reads.
 */
public final class DomainMap {
    private record Answer(String domain, Instant expires) {}

    private final int capacity;
    private final Duration ttl;
    private final LinkedHashMap<Ip, Answer> map;
    private long evicted;

    public DomainMap(int capacity, Duration ttl) {
        if (capacity < 1) throw new IllegalArgumentException("router.dns.map-size must be positive: " + capacity);
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("router.dns.map-ttl must be positive: " + ttl);
        this.capacity = capacity;
        this.ttl = ttl;
        this.map = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Ip, Answer> eldest) {
                if (size() <= DomainMap.this.capacity) return false;
                evicted++;
                return true;
            }
        };
    }

    public synchronized void put(Ip address, String domain, Instant now) {
        map.remove(address); // re-insert so the newest answer is the last evicted
        map.put(address, new Answer(domain, now.plus(ttl)));
    }

    /** The domain last answered with {@code address}, or null (never answered, or expired). */
    public synchronized String domain(Ip address, Instant now) {
        Answer e = map.get(address);
        if (e == null) return null;
        if (now.isAfter(e.expires())) {
            map.remove(address);
            return null;
        }
        return e.domain();
    }

    public synchronized int size() {
        return map.size();
    }

    /** Entries pushed out by the capacity bound so far. */
    public synchronized long evicted() {
        return evicted;
    }
}
