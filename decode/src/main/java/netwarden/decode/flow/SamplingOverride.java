package netwarden.decode.flow;

import java.util.Objects;
import netwarden.model.Ip;

/**
 * A sampling rate forced for every exporter in a prefix (a single exporter is a /32 or /128),
 * for exporters that announce a wrong rate or none. IPv4 prefixes match IPv4 exporters only.
 *
 * @param prefixLength 0..32 for IPv4, 0..128 for IPv6
 */
public record SamplingOverride(Ip prefix, int prefixLength, long rate) {
    public SamplingOverride {
        Objects.requireNonNull(prefix, "prefix");
        int max = prefix.isV4() ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length must be 0.." + max + ": " + prefixLength);
        }
        if (rate < 1) throw new IllegalArgumentException("sampling rate must be at least 1: " + rate);
    }

    /** Parses {@code ADDR[/LEN]=RATE}, e.g. {@code 192.0.2.0/24=1000}. */
    public static SamplingOverride parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("sampling override must be ADDR[/LEN]=RATE: " + text);
        String net = text.substring(0, eq).trim();
        long rate;
        try {
            rate = Long.parseLong(text.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sampling override rate is not a number: " + text);
        }
        int slash = net.indexOf('/');
        Ip ip = Ip.parse(slash < 0 ? net : net.substring(0, slash));
        int len;
        try {
            len = slash < 0 ? (ip.isV4() ? 32 : 128) : Integer.parseInt(net.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sampling override prefix length is not a number: " + text);
        }
        return new SamplingOverride(ip, len, rate);
    }

    boolean matches(Ip exporter) {
        if (exporter.isV4() != prefix.isV4()) return false;
        int bits = prefix.isV4() ? prefixLength + 96 : prefixLength;
        long hiMask = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
        long loMask = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
        return ((exporter.hi() ^ prefix.hi()) & hiMask) == 0 && ((exporter.lo() ^ prefix.lo()) & loMask) == 0;
    }
}
