package netwarden.server.tls;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Checks that a certificate can serve: in its validity period, matching its key, naming the host. */
public final class CertificateChecks {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateChecks() {}

    /** Fails unless {@code now} lies within the certificate's validity period. */
    public static void requireCurrentlyValid(String setting, Path file, X509Certificate cert, Instant now) {
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isAfter(notAfter))
            throw new TlsConfigException(setting + ": certificate " + file + " (" + subject(cert) + ") expired at "
                    + notAfter + " (now " + now + "); renew it, e.g. with netwarden tls init");
        if (now.isBefore(notBefore))
            throw new TlsConfigException(setting + ": certificate " + file + " (" + subject(cert)
                    + ") is not valid yet: valid from " + notBefore + " (now " + now + "); check the clock");
    }

    /** Fails unless {@code key} is the private half of the certificate's public key (a signature proves it). */
    public static void requireKeyMatches(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile) {
        PublicKey pub = cert.getPublicKey();
        if (!pub.getAlgorithm().equals(key.getAlgorithm()))
            throw mismatch(certFile, keyFile, "the certificate holds a " + pub.getAlgorithm() + " key, the key file a "
                    + key.getAlgorithm() + " key");
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new TlsConfigException("tls_server_config.key_file: " + keyFile + ": unsupported key type "
                    + key.getAlgorithm() + " (use RSA, EC or Ed25519)");
        };
        byte[] probe = ("netwarden key check " + certFile).getBytes(StandardCharsets.UTF_8);
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(pub);
            verify.update(probe);
            if (!verify.verify(signature)) throw mismatch(certFile, keyFile, "they are not a pair");
        } catch (GeneralSecurityException e) {
            throw mismatch(certFile, keyFile, e.getMessage());
        }
    }

    private static TlsConfigException mismatch(Path certFile, Path keyFile, String why) {
        return new TlsConfigException("tls_server_config: key " + keyFile + " does not match certificate " + certFile
                + ": " + why);
    }

    /** The DNS names and IP addresses (normalised) in the certificate's subject alternative names. */
    public static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return out;
        }
        if (sans == null) return out;
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            if (type == SAN_DNS) out.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
            else if (type == SAN_IP) out.add(normalizeIp((String) san.get(1)));
        }
        return out;
    }

    /**
     * Whether a client connecting to {@code host} (a DNS name or IP literal) accepts the certificate by
     * name, following RFC 6125: IP literals must match an IP SAN; names match a DNS SAN exactly or by
     * one leading wildcard label ({@code *.example.org} covers {@code a.example.org} only).
     */
    public static boolean covers(X509Certificate cert, String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isIpLiteral(h)) return names(cert).contains(normalizeIp(h));
        String name = h.toLowerCase(Locale.ROOT);
        for (String san : names(cert)) {
            if (san.equals(name)) return true;
            if (san.startsWith("*.") && name.indexOf('.') > 0 && name.substring(name.indexOf('.')).equals(san.substring(1)))
                return true;
        }
        return false;
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") && host.chars().filter(c -> c == '.').count() == 3 || host.contains(":");
    }

    private static String normalizeIp(String ip) {
        try {
            return InetAddress.ofLiteral(ip).getHostAddress();
        } catch (IllegalArgumentException e) {
            return ip.toLowerCase(Locale.ROOT);
        }
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
