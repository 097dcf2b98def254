package netwarden.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM certificates and private keys. Keys may be PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, with or without an
 * {@code EC PARAMETERS} block before it); encrypted keys are refused with a message saying so.
 * Every failure is a {@link TlsConfigException} naming the setting and the file.
 */
public final class PemFiles {
    private PemFiles() {}

    /** Every {@code CERTIFICATE} block of {@code file}, in file order; at least one. */
    public static List<X509Certificate> readCertificates(String setting, Path file) {
        String text = read(setting, file);
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof X509CertificateHolder h)
                    out.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new TlsConfigException(setting + ": " + file + " is not valid PEM: " + reason(e), e);
        }
        if (out.isEmpty())
            throw new TlsConfigException(setting + ": " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        return out;
    }

    /** The one private key of {@code file}. */
    public static PrivateKey readPrivateKey(String setting, Path file) {
        String text = read(setting, file);
        List<Object> keys = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof ASN1ObjectIdentifier || o instanceof X509CertificateHolder) continue; // EC PARAMETERS, certs
                keys.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsConfigException(setting + ": " + file + " is not valid PEM: " + reason(e), e);
        }
        if (keys.isEmpty())
            throw new TlsConfigException(setting + ": " + file + " holds no PEM private key"
                    + " (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        if (keys.size() > 1)
            throw new TlsConfigException(setting + ": " + file + " holds " + keys.size() + " keys; give exactly one");
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            return switch (keys.getFirst()) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                // SEC1 keys may omit the public key, so convert only the private half.
                case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(setting, file);
                case PEMEncryptedKeyPair e -> throw encrypted(setting, file);
                case Object other -> throw new TlsConfigException(setting + ": " + file + " holds a "
                        + other.getClass().getSimpleName() + ", not a private key");
            };
        } catch (IOException e) {
            throw new TlsConfigException(setting + ": " + file + ": unsupported or damaged key: " + reason(e), e);
        }
    }

    private static TlsConfigException encrypted(String setting, Path file) {
        return new TlsConfigException(setting + ": " + file + " is encrypted; netwarden needs an unencrypted key"
                + " (protect it with file permissions 0600), e.g. openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.plain");
    }

    private static String read(String setting, Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(setting + ": " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new TlsConfigException(setting + ": " + file + " is not readable by this user (permission denied)", e);
        } catch (IOException e) {
            throw new TlsConfigException(setting + ": cannot read " + file + ": " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
