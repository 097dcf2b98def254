package netwarden.sources.router;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address prefix such as {@code 10.99.1.0/24} or {@code fd00::/8}. */
public record Prefix(InetAddress network, int length) {
    public Prefix {
        int max = network.getAddress().length * 8;
        if (length < 0 || length > max) throw new IllegalArgumentException("prefix length must be 0.." + max + ": " + length);
    }

    /** Parses CIDR text; the address must be a literal (never a name to look up). */
    public static Prefix parse(String cidr) {
        int slash = cidr.indexOf('/');
        String addr = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!addr.matches("[0-9a-fA-F:.]+") || addr.isEmpty()) throw new IllegalArgumentException("router.lan: not an address prefix: " + cidr);
        try {
            InetAddress a = InetAddress.getByName(addr);
            int max = a.getAddress().length * 8;
            return new Prefix(a, slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("router.lan: not an address prefix: " + cidr, e);
        }
    }

    public boolean contains(InetAddress a) {
        byte[] x = a.getAddress(), n = network.getAddress();
        if (x.length != n.length) return false;
        int full = length / 8, rest = length % 8;
        for (int i = 0; i < full; i++) if (x[i] != n[i]) return false;
        if (rest == 0) return true;
        int mask = 0xff << (8 - rest) & 0xff;
        return (x[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
        return netwarden.model.Ip.of(network.getAddress()) + "/" + length; // compressed IPv6, as elsewhere
    }
}
