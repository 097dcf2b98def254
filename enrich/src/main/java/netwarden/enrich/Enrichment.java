package netwarden.enrich;

/**
 * What netwarden knows about one address, offline. Immutable; shared instances for the common
 * states, so a cache hit hands out an existing object.
 *
 * @param status   how complete the answer is
 * @param country  ISO 3166-1 alpha-2 code ("AU"), or null when unknown or not looked up
 * @param asn      autonomous system number, or 0 when unknown
 * @param org      the AS organisation, or null
 * @param network  the kind of network from the ASN lists ({@link NetworkKind#HOSTING}, VPN, PROXY),
 *                 or null for an ordinary (residential, mobile, business) network
 * @param label    for {@link Status#RESERVED}: "private", "loopback", "link-local", "cgnat", ... (see
 *                 {@link ReservedRanges}); null otherwise
 */
public record Enrichment(Status status, String country, long asn, String org, NetworkKind network, String label) {
    /** Where an answer stands. */
    public enum Status {
        /** Looked up in the data files (fields may still be null when the data has no entry). */
        RESOLVED,
        /** Not known yet: a resolver thread is looking it up; ask again later. */
        PENDING,
        /** A private or reserved range: labelled, never looked up. */
        RESERVED,
        /** No data files are loaded: enrichment is off. */
        UNAVAILABLE
    }

    /** Asked for, not answered yet. */
    public static final Enrichment PENDING = new Enrichment(Status.PENDING, null, 0, null, null, null);
    /** No data to answer from. */
    public static final Enrichment UNAVAILABLE = new Enrichment(Status.UNAVAILABLE, null, 0, null, null, null);

    public Enrichment {
        if (status == null) throw new IllegalArgumentException("status must not be null");
        if (asn < 0 || asn > 0xffff_ffffL) throw new IllegalArgumentException("asn must be 0..4294967295: " + asn);
        if (country != null && !country.matches("[A-Z]{2}"))
            throw new IllegalArgumentException("country must be two upper-case letters: " + country);
    }

    /** A reserved range with its label. */
    public static Enrichment reserved(String label) {
        return new Enrichment(Status.RESERVED, null, 0, null, null, label);
    }

    /** True when the ASN lists call the network hosting, VPN or proxy. */
    public boolean hostingOrVpn() {
        return network != null;
    }

    /** True once the answer will not change (resolved or reserved). */
    public boolean settled() {
        return status == Status.RESOLVED || status == Status.RESERVED;
    }

    /**
     * The label used for per-country metrics: the country code, the reserved label, or "unknown"
     * (pending, unavailable, or not in the data).
     */
    public String countryLabel() {
        if (country != null) return country;
        if (label != null) return label;
        return "unknown";
    }
}
