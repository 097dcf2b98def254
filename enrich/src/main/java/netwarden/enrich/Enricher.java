package netwarden.enrich;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import netwarden.model.Ip;

/**
 * Offline address enrichment: country, AS number and organisation, hosting/VPN flag, or a label for
 * private and reserved ranges. Build one with {@link EnricherLoader#open}; thread-safe.
 *
 * <p>Design notes: {@link #lookup} is for the pipeline and scrape threads and never blocks. A cache
 * hit returns a cached object without allocating; a reserved range returns a shared constant; a miss
 * queues the address for the resolver thread (bounded: when full the request is dropped, counted,
 * and made again on the next miss) and answers {@link Enrichment#PENDING}; the next lookup after
 * the resolver ran finds the answer in the cache. An address already queued is not queued twice.
 * {@link #resolve} is for threads that may wait (notifier workers): it looks up on the calling
 * thread. Lookups are cheap (a memory-mapped tree walk and two binary searches), so one resolver
 * thread keeps up with any realistic rate of new addresses.
 */
public final class Enricher implements AutoCloseable {
    /** One shared answer per reserved label, so reserved lookups never allocate. */
    private static final Map<String, Enrichment> RESERVED = reservedAnswers();

    private final CountryLookup countries;
    private final AsnTable asns;
    private final AsnKinds kinds;
    private final boolean available;
    private final EnrichmentCache cache;
    private final BlockingQueue<Ip> queue;
    private final Map<Ip, Boolean> queued = new ConcurrentHashMap<>();
    private final LongAdder misses = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder resolved = new LongAdder();
    private final Thread resolver;
    private volatile boolean closed;

    /**
     * No side effects; call {@link #start()} to run the resolver thread.
     *
     * @param countries null when there is no country database
     * @param asns      {@link AsnTable#EMPTY} when there is no ASN data
     */
    public Enricher(CountryLookup countries, AsnTable asns, AsnKinds kinds, int cacheSize, int queueCapacity) {
        this.countries = countries;
        this.asns = asns;
        this.kinds = kinds;
        this.available = countries != null || asns.size() > 0;
        this.cache = new EnrichmentCache(cacheSize);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.resolver = Thread.ofPlatform().daemon().name("netwarden-enrich").unstarted(this::drain);
    }

    /** An enricher without data: reserved ranges are still labelled, everything else is UNAVAILABLE. */
    public static Enricher none() {
        return new Enricher(null, AsnTable.EMPTY, AsnKinds.builtIn(), 16, 1);
    }

    public void start() {
        if (available) resolver.start();
    }

    /** True when some data is loaded (country or ASN). */
    public boolean available() {
        return available;
    }

    /** Never blocks; see the class notes. */
    public Enrichment lookup(long hi, long lo) {
        Enrichment e = cache.get(hi, lo);
        if (e != null) return e;
        String label = ReservedRanges.label(hi, lo);
        if (label != null) return reserved(label);
        if (!available) return Enrichment.UNAVAILABLE;
        request(new Ip(hi, lo));
        return Enrichment.PENDING;
    }

    public Enrichment lookup(Ip address) {
        return lookup(address.hi(), address.lo());
    }

    /** Looks up on the calling thread when not cached (may take microseconds); never PENDING. */
    public Enrichment resolve(Ip address) {
        Enrichment e = cache.get(address.hi(), address.lo());
        if (e != null) return e;
        String label = ReservedRanges.label(address);
        if (label != null) return reserved(label);
        if (!available) return Enrichment.UNAVAILABLE;
        e = compute(address);
        cache.put(address.hi(), address.lo(), e);
        return e;
    }

    /** Lookups that found nothing cached. */
    public long misses() {
        return misses.sum();
    }

    /** Misses not queued because the resolver queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Addresses looked up in the data files. */
    public long resolvedCount() {
        return resolved.sum();
    }

    /** Misses waiting for the resolver thread. */
    public int queued() {
        return queue.size();
    }

    private void request(Ip address) {
        misses.increment();
        if (queued.putIfAbsent(address, Boolean.TRUE) != null) return;
        if (!queue.offer(address)) {
            queued.remove(address);
            dropped.increment();
        }
    }

    private void drain() {
        try {
            while (!closed) {
                Ip ip = queue.poll(200, TimeUnit.MILLISECONDS);
                if (ip == null) continue;
                try {
                    if (cache.get(ip.hi(), ip.lo()) == null) cache.put(ip.hi(), ip.lo(), compute(ip));
                } finally {
                    queued.remove(ip);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Enrichment compute(Ip address) {
        resolved.increment();
        String country = countries == null ? null : countries.country(address);
        int range = asns.find(address);
        long asn = range < 0 ? 0 : asns.asn(range);
        String org = range < 0 ? null : asns.org(range);
        NetworkKind kind = asn == 0 ? null : kinds.kind(asn);
        return new Enrichment(Enrichment.Status.RESOLVED, country, asn, org, kind, null);
    }

    private static Enrichment reserved(String label) {
        return RESERVED.get(label);
    }

    private static Map<String, Enrichment> reservedAnswers() {
        Map<String, Enrichment> m = new HashMap<>();
        for (String label : ReservedRanges.labels()) m.put(label, Enrichment.reserved(label));
        return Map.copyOf(m);
    }

    @Override
    public void close() {
        closed = true;
        resolver.interrupt();
    }
}
