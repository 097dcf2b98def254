package netwarden.enrich;

import java.util.Locale;

/** Why an ASN is on the hosting/VPN/proxy list: traffic from it is rarely a person at home. */
public enum NetworkKind {
    HOSTING, VPN, PROXY;

    /** Lower-case name as written in ASN list files and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "hosting", "vpn" or "proxy" (any case). */
    public static NetworkKind parse(String text) {
        for (NetworkKind k : values()) if (k.label().equalsIgnoreCase(text)) return k;
        throw new IllegalArgumentException("network kind must be hosting, vpn or proxy: " + text);
    }
}
