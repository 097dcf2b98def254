package netwarden.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of one deployment, made in one go: a small CA, a server certificate for the
 * given host names and IP addresses, and a client certificate for Prometheus (and Alertmanager)
 * to present under mTLS. What seed 003 did with openssl by hand.
 *
 * <p>Files written to the directory: {@code ca.pem}, {@code ca-key.pem}, {@code server.pem},
 * {@code server-key.pem}, {@code client.pem}, {@code client-key.pem}. Keys are ECDSA P-256 in
 * PKCS#8 PEM, created with mode 0600; certificates 0644. The CA may sign only end-entity
 * certificates (path length 0); the server certificate is for server authentication only, the
 * client certificate for client authentication only. Existing files are never overwritten unless
 * {@code force} is given. With {@code stack}, the certificates of Prometheus, Alertmanager,
 * node-exporter and Grafana come from the same CA ({@link StackPki}).
 */
public final class DeploymentPki {
    public static final List<String> FILES = List.of("ca.pem", "ca-key.pem", "server.pem", "server-key.pem",
            "client.pem", "client-key.pem");
    /** Certificates start this long before "now", so a client whose clock is a little behind accepts them. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private DeploymentPki() {}

    /**
     * What to make.
     *
     * @param hosts      DNS names and IP literals the server is reached by; at least one
     * @param clientName common name of the client certificate, e.g. "prometheus"
     * @param caValidity how long the CA is valid
     * @param validity   how long the server and client certificates are valid
     */
    public record Request(List<String> hosts, String clientName, Duration caValidity, Duration validity) {
        public Request {
            hosts = List.copyOf(new LinkedHashSet<>(hosts));
            Objects.requireNonNull(clientName, "clientName");
            if (hosts.isEmpty()) throw new IllegalArgumentException("hosts: give at least one DNS name or IP address");
            for (String h : hosts) {
                if (!isIpLiteral(h) && !h.matches("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"))
                    throw new IllegalArgumentException("hosts: not a DNS name or IP address: '" + h + "'");
            }
            if (!clientName.matches("[A-Za-z0-9._-]+"))
                throw new IllegalArgumentException("client name may hold only letters, digits, '.', '_', '-': '" + clientName + "'");
            if (caValidity.isNegative() || caValidity.isZero() || validity.isNegative() || validity.isZero())
                throw new IllegalArgumentException("validity must be positive: ca " + caValidity + ", certificates " + validity);
            if (validity.compareTo(caValidity) > 0)
                throw new IllegalArgumentException("certificates (" + validity.toDays() + " days) cannot outlive their CA ("
                        + caValidity.toDays() + " days)");
        }

        public static Request of(List<String> hosts) {
            return new Request(hosts, "prometheus", Duration.ofDays(3650), Duration.ofDays(825));
        }
    }

    /** The files written and the server certificate's names. */
    public record Result(Path dir, List<Path> files, List<String> serverNames, Instant notAfter) {}

    /**
     * Writes the six files into {@code dir} (created if missing).
     *
     * @throws IllegalStateException when a file already exists and {@code force} is false; nothing is written then
     * @throws UncheckedIOException  when a file cannot be written
     */
    public static Result create(Path dir, Request request, boolean force, Instant now) {
        return create(dir, request, force, now, false);
    }

    /**
     * As {@link #create(Path, Request, boolean, Instant)}; with {@code stack}, also the certificates of
     * the monitoring stack signed by the same CA ({@link StackPki#FILES}).
     */
    public static Result create(Path dir, Request request, boolean force, Instant now, boolean stack) {
        return create(dir, request, force, now, stack, List.of());
    }

    /** The files of a fleet agent's client certificate (its common name is the agent id): {@code agent-ID.pem}, {@code agent-ID-key.pem}. */
    public static List<String> agentFiles(String agent) {
        return List.of("agent-" + agent + ".pem", "agent-" + agent + "-key.pem");
    }

    /**
     * As {@link #create(Path, Request, boolean, Instant, boolean)}; also a client certificate per fleet agent
     * ({@link #agentFiles}), for agents shipping to a server whose web config requires client certificates.
     */
    public static Result create(Path dir, Request request, boolean force, Instant now, boolean stack, List<String> agents) {
        for (String a : agents)
            if (!a.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("agent id must be 1..64 of A-Z a-z 0-9 . _ -: " + a);
        List<String> names = new ArrayList<>(stack ? java.util.stream.Stream.concat(FILES.stream(), StackPki.FILES.stream()).toList() : FILES);
        agents.forEach(a -> names.addAll(agentFiles(a)));
        List<Path> existing = names.stream().map(dir::resolve).filter(Files::exists).toList();
        if (!existing.isEmpty() && !force)
            throw new IllegalStateException("refusing to overwrite " + existing + "; use --force to replace them");
        try {
            Files.createDirectories(dir);
            Instant from = now.minus(BACKDATE);
            KeyPair caKey = ecKey(), serverKey = ecKey(), clientKey = ecKey();
            X500Principal caName = new X500Principal("CN=netwarden CA " + now.getEpochSecond() + ", O=netwarden");
            X509Certificate ca = ca(caName, caKey, from, now.plus(request.caValidity()));
            X509Certificate server = leaf(new X500Principal("CN=" + request.hosts().getFirst() + ", O=netwarden"),
                    serverKey, caName, caKey, ca, from, now.plus(request.validity()), KeyPurposeId.id_kp_serverAuth,
                    request.hosts());
            X509Certificate client = leaf(new X500Principal("CN=" + request.clientName() + ", O=netwarden"),
                    clientKey, caName, caKey, ca, from, now.plus(request.validity()), KeyPurposeId.id_kp_clientAuth,
                    List.of());
            List<Path> written = new ArrayList<>();
            written.add(write(dir.resolve("ca.pem"), pem(ca), false));
            written.add(write(dir.resolve("ca-key.pem"), pkcs8(caKey), true));
            written.add(write(dir.resolve("server.pem"), pem(server), false));
            written.add(write(dir.resolve("server-key.pem"), pkcs8(serverKey), true));
            written.add(write(dir.resolve("client.pem"), pem(client), false));
            written.add(write(dir.resolve("client-key.pem"), pkcs8(clientKey), true));
            if (stack) written.addAll(StackPki.issue(dir, request.hosts(), caName, caKey, ca, from, now.plus(request.validity())));
            for (String a : agents) {
                KeyPair k = ecKey();
                X509Certificate c = leaf(new X500Principal("CN=" + a + ", O=netwarden agent"), k, caName, caKey, ca, from,
                        now.plus(request.validity()), KeyPurposeId.id_kp_clientAuth, List.of());
                written.add(write(dir.resolve(agentFiles(a).get(0)), pem(c), false));
                written.add(write(dir.resolve(agentFiles(a).get(1)), pkcs8(k), true));
            }
            return new Result(dir, written, request.hosts().stream().map(DeploymentPki::nameInCertificate).toList(),
                    server.getNotAfter().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificates to " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create certificates: " + e.getMessage(), e);
        }
    }

    static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate ca(X500Principal name, KeyPair key, Instant from, Instant to)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from), Date.from(to), name,
                key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
        return sign(b, key);
    }

    static X509Certificate leaf(X500Principal subject, KeyPair key, X500Principal issuer, KeyPair issuerKey,
                                        X509Certificate ca, Instant from, Instant to, KeyPurposeId purpose,
                                        List<String> hosts)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
                subject, key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        if (!hosts.isEmpty()) {
            GeneralName[] names = hosts.stream().map(DeploymentPki::generalName).toArray(GeneralName[]::new);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return sign(b, issuerKey);
    }

    /** The name as the certificate carries it: an IP literal in its canonical text, a DNS name in lower case. */
    private static String nameInCertificate(String host) {
        return isIpLiteral(host) ? InetAddress.ofLiteral(host).getHostAddress() : host.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isIpLiteral(String host) {
        try {
            InetAddress.ofLiteral(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static GeneralName generalName(String host) {
        if (!isIpLiteral(host)) return new GeneralName(GeneralName.dNSName, host);
        return new GeneralName(GeneralName.iPAddress, InetAddress.ofLiteral(host).getHostAddress());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
    }

    static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }

    static String pkcs8(KeyPair key) throws IOException {
        return pem(new JcaPKCS8Generator(key.getPrivate(), null));
    }

    static Path write(Path file, String text, boolean secret) throws IOException {
        Files.deleteIfExists(file);
        var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        Files.write(Files.createFile(file, mode), text.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
        // createFile honours the umask; set the mode explicitly so certificates stay readable.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        return file;
    }
}
