package netwarden.decode.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;

/**
 * Sampling rates learned from options data, per (exporter, version, observation domain, sampler id),
 * and how a data record's rate is resolved. Order: an override for the exporter (most specific
 * prefix) wins; then a rate carried by the record itself; then the options-data rate of the record's
 * sampler id; then the domain's rate announced without a sampler id; then, when the domain announced
 * exactly one sampler, that one. Otherwise the rate is unknown (0), never 1.
 *
 * <p>Not thread-safe: owned by one {@link FlowDecoder}.
 */
final class Sampling {
    /** Sampler id used for rates announced without one (system- or domain-scoped options). */
    static final long NO_SAMPLER = -1;

    private record Key(Ip exporter, int version, long domain, long samplerId) {}

    private record Domain(Ip exporter, int version, long domain) {}

    private final Map<Key, Long> rates = new HashMap<>();
    private final Map<Domain, Integer> samplersPerDomain = new HashMap<>();
    private final Map<Domain, Long> lastRate = new HashMap<>();
    private final List<SamplingOverride> overrides;
    // One-entry memo of the last lookup: records of a data set mostly share exporter, domain and
    // sampler, and the table changes only when options data arrives (then the memo is dropped).
    private Ip memoExporter;
    private int memoVersion;
    private long memoDomain, memoSampler, memoRate;

    Sampling(List<SamplingOverride> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    /**
     * The rate described by these fields, 0 when they describe none: IE 34/50 interval, IE 305/306
     * (interval + space) / interval, IE 309/310 population / size.
     */
    static long rate(long interval, long packetInterval, long packetSpace, long size, long population) {
        if (interval > 0) return interval;
        if (packetInterval > 0 && packetSpace >= 0) return (packetInterval + packetSpace) / packetInterval;
        if (size > 0 && population > 0) return population / size;
        return 0;
    }

    /** Remembers a rate from options data; a rate of 0 (none) is ignored. */
    void learn(Ip exporter, int version, long domain, long samplerId, long rate) {
        if (rate <= 0) return;
        memoExporter = null;
        Domain d = new Domain(exporter, version, domain);
        if (rates.put(new Key(exporter, version, domain, samplerId), rate) == null) samplersPerDomain.merge(d, 1, Integer::sum);
        lastRate.put(d, rate);
    }

    /** The rate of a record (0 = unknown); {@code own} is the rate the record carries, 0 when none. */
    long resolve(Ip exporter, int version, long domain, long samplerId, long own) {
        long forced = overrides.isEmpty() ? 0 : override(exporter);
        if (forced > 0) return forced;
        if (own > 0) return own;
        if (exporter != memoExporter || version != memoVersion || domain != memoDomain || samplerId != memoSampler) {
            memoRate = table(exporter, version, domain, samplerId);
            memoExporter = exporter;
            memoVersion = version;
            memoDomain = domain;
            memoSampler = samplerId;
        }
        return memoRate;
    }

    /** The options-data rate for a record of this sampler, 0 when the table has none. */
    private long table(Ip exporter, int version, long domain, long samplerId) {
        Long r = samplerId >= 0 ? rates.get(new Key(exporter, version, domain, samplerId)) : null;
        if (r == null) r = rates.get(new Key(exporter, version, domain, NO_SAMPLER));
        if (r == null) {
            Domain d = new Domain(exporter, version, domain);
            if (samplersPerDomain.getOrDefault(d, 0) == 1) r = lastRate.get(d);
        }
        return r == null ? 0 : r;
    }

    /** The override rate for this exporter (longest matching prefix), 0 when none applies. */
    long override(Ip exporter) {
        SamplingOverride best = null;
        for (SamplingOverride o : overrides) {
            if (o.matches(exporter) && (best == null || o.prefixLength() > best.prefixLength())) best = o;
        }
        return best == null ? 0 : best.rate();
    }
}
