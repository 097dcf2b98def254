package netwarden.store;

import java.util.Locale;
import java.util.regex.Pattern;
import netwarden.model.Ip;

/**
 * A parsed search: {@code 203.0.113.7}, {@code 2001:db8::/32} or {@code 10.1.0.0/16} (address or prefix),
 * {@code AS13335} (ASN), {@code country:DE}, {@code port:27960} or a bare number up to 65535 (port),
 * {@code service:arena}, and anything else a player name (part of it, case-insensitive).
 */
public sealed interface SearchTerm {
    record Address(String text, AddressKey.Range range) implements SearchTerm {}
    record Asn(long asn) implements SearchTerm {}
    record Country(String code) implements SearchTerm {}
    record Port(int port) implements SearchTerm {}
    record Service(String id) implements SearchTerm {}
    record Name(String part) implements SearchTerm {}

    Pattern ASN = Pattern.compile("(?i)AS(\\d{1,10})");
    Pattern NUMBER = Pattern.compile("\\d{1,5}");

    /** @throws IllegalArgumentException with the reason when the text is empty or a malformed address or prefix */
    static SearchTerm parse(String q) {
        if (q == null || q.isBlank()) throw new IllegalArgumentException("search must not be empty");
        String s = q.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("country:")) {
            String c = s.substring(8).strip().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{2}")) throw new IllegalArgumentException("country must be two letters: " + c);
            return new Country(c);
        }
        if (lower.startsWith("port:")) return new Port(port(s.substring(5).strip()));
        if (lower.startsWith("service:")) return new Service(s.substring(8).strip());
        if (lower.startsWith("name:")) return new Name(s.substring(5).strip());
        var asn = ASN.matcher(s);
        if (asn.matches()) return new Asn(Long.parseLong(asn.group(1)));
        if (NUMBER.matcher(s).matches() && Integer.parseInt(s) <= 65535) return new Port(Integer.parseInt(s));
        if (looksLikeAddress(s)) return new Address(s, addressRange(s));
        return new Name(s);
    }

    private static int port(String s) {
        if (!NUMBER.matcher(s).matches() || Integer.parseInt(s) > 65535)
            throw new IllegalArgumentException("port must be 0..65535: " + s);
        return Integer.parseInt(s);
    }

    private static boolean looksLikeAddress(String s) {
        return s.matches("[0-9.]+(/\\d{1,3})?") && s.indexOf('.') >= 0 || s.matches("[0-9a-fA-F:.\\[\\]]*:[0-9a-fA-F:.\\[\\]]*(/\\d{1,3})?");
    }

    /** The key range of an address or a prefix ({@code a/len}). */
    static AddressKey.Range addressRange(String text) {
        int slash = text.indexOf('/');
        Ip ip = Ip.parse(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) return AddressKey.prefix(ip, ip.isV4() ? 32 : 128);
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,3}")) throw new IllegalArgumentException("prefix length must be a number: " + text);
        return AddressKey.prefix(ip, Integer.parseInt(len));
    }
}
