package netwarden.enrich;

import java.util.List;

/** The data files {@code netwarden geoip update} writes into the data directory, and where they come from. */
public final class GeoIpFiles {
    /** Country database (MMDB, IPv4 and IPv6). */
    public static final String COUNTRY_MMDB = "geo-whois-asn-country.mmdb";
    /** ASN ranges, IPv4. */
    public static final String ASN_V4_CSV = "asn-ipv4.csv";
    /** ASN ranges, IPv6. */
    public static final String ASN_V6_CSV = "asn-ipv6.csv";
    /** Attribution and licences of the data, written beside it. */
    public static final String ATTRIBUTION = "ATTRIBUTION.md";

    /** npm package holding {@link #COUNTRY_MMDB}. */
    public static final String COUNTRY_PACKAGE = "@ip-location-db/geo-whois-asn-country-mmdb";
    /** npm package holding the ASN CSVs. */
    public static final String ASN_PACKAGE = "@ip-location-db/asn";

    /** The ASN CSVs in the order they are read. */
    public static final List<String> ASN_CSVS = List.of(ASN_V4_CSV, ASN_V6_CSV);

    private GeoIpFiles() {}
}
