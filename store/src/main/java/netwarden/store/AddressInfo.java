package netwarden.store;

import netwarden.model.Ip;

/**
 * What enrichment knows of an address, as the store keeps it: ISO country or null, ASN or 0, flags (e.g.
 * "hosting,vpn") or null. The wiring adapts the enricher of the sinks module to {@link Lookup}.
 */
public record AddressInfo(String country, long asn, String flags) {
    public static final AddressInfo UNKNOWN = new AddressInfo(null, 0, null);

    @FunctionalInterface
    public interface Lookup {
        /** Never throws; {@link #UNKNOWN} when nothing is known. */
        AddressInfo of(Ip address);

        Lookup NONE = ip -> UNKNOWN;
    }
}
