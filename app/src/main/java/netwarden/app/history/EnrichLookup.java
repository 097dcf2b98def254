package netwarden.app.history;

import java.util.Locale;
import netwarden.enrich.Enricher;
import netwarden.enrich.Enrichment;
import netwarden.model.Ip;
import netwarden.store.AddressInfo;

/**
 * The enricher the runtime loads, as the store's {@link AddressInfo.Lookup}: country, ASN and the network kind
 * ({@code hosting}, {@code vpn}, {@code proxy}) as flags. The enricher arrives at start, after the store is
 * built: until then, and when no GeoIP/ASN data is configured, everything is unknown. {@link #waiting()} looks up
 * on the calling thread (the store sink's worker may wait microseconds); {@link #nonBlocking()} never waits
 * (the pipeline thread: an address not yet cached is unknown in that row).
 */
public final class EnrichLookup {
    private volatile Enricher enricher;

    public void use(Enricher e) {
        enricher = e;
    }

    public AddressInfo.Lookup waiting() {
        return ip -> {
            Enricher e = enricher;
            return e == null ? AddressInfo.UNKNOWN : info(e.resolve(ip));
        };
    }

    public AddressInfo.Lookup nonBlocking() {
        return ip -> {
            Enricher e = enricher;
            return e == null ? AddressInfo.UNKNOWN : info(e.lookup(ip));
        };
    }

    static AddressInfo info(Enrichment e) {
        if (e.country() == null && e.asn() == 0 && e.network() == null) return AddressInfo.UNKNOWN;
        return new AddressInfo(e.country(), e.asn(), e.network() == null ? null : e.network().name().toLowerCase(Locale.ROOT));
    }
}
