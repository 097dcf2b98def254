package netwarden.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The certificates of the monitoring stack around netwarden, signed by the deployment CA, so every
 * hop is HTTPS verified against {@code ca.pem} (deploy/ and docs/deploy.md use these names):
 *
 * <ul>
 *   <li>server certificates, {@code NAME.pem} and {@code NAME-key.pem}, for {@code prometheus},
 *       {@code alertmanager}, {@code node-exporter} and {@code grafana}; their names are the compose
 *       service name, the deployment's hosts, and localhost, 127.0.0.1 and ::1;</li>
 *   <li>client certificates for the hops that authenticate: {@code client.pem} (made by
 *       {@link DeploymentPki}, CN prometheus) is Prometheus' towards netwarden, Alertmanager,
 *       node-exporter and itself; {@code alertmanager-client.pem} is Alertmanager's towards
 *       netwarden's receiver; {@code grafana-client.pem} is Grafana's towards Prometheus.</li>
 * </ul>
 */
public final class StackPki {
    /** Components served over HTTPS, each with its own server certificate. */
    public static final List<String> SERVERS = List.of("prometheus", "alertmanager", "node-exporter", "grafana");
    /** Components that present a client certificate of their own (Prometheus' is client.pem). */
    public static final List<String> CLIENTS = List.of("alertmanager", "grafana");
    public static final List<String> FILES = files();
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private StackPki() {}

    private static List<String> files() {
        List<String> f = new ArrayList<>();
        for (String s : SERVERS) f.addAll(List.of(s + ".pem", s + "-key.pem"));
        for (String c : CLIENTS) f.addAll(List.of(c + "-client.pem", c + "-client-key.pem"));
        return List.copyOf(f);
    }

    /** The names in a component's server certificate: its service name, the deployment's hosts, loopback. */
    public static List<String> serverNames(String component, List<String> hosts) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(component);
        names.addAll(hosts);
        names.addAll(LOOPBACK);
        return List.copyOf(names);
    }

    static List<Path> issue(Path dir, List<String> hosts, X500Principal caName, KeyPair caKey, X509Certificate ca,
                            Instant from, Instant to) throws IOException, GeneralSecurityException, OperatorCreationException {
        List<Path> written = new ArrayList<>();
        for (String s : SERVERS) {
            KeyPair key = DeploymentPki.ecKey();
            X509Certificate cert = DeploymentPki.leaf(new X500Principal("CN=" + s + ", O=netwarden"), key, caName, caKey, ca,
                    from, to, KeyPurposeId.id_kp_serverAuth, serverNames(s, hosts));
            written.add(DeploymentPki.write(dir.resolve(s + ".pem"), DeploymentPki.pem(cert), false));
            written.add(DeploymentPki.write(dir.resolve(s + "-key.pem"), DeploymentPki.pkcs8(key), true));
        }
        for (String c : CLIENTS) {
            KeyPair key = DeploymentPki.ecKey();
            X509Certificate cert = DeploymentPki.leaf(new X500Principal("CN=" + c + ", O=netwarden"), key, caName, caKey, ca,
                    from, to, KeyPurposeId.id_kp_clientAuth, List.of());
            written.add(DeploymentPki.write(dir.resolve(c + "-client.pem"), DeploymentPki.pem(cert), false));
            written.add(DeploymentPki.write(dir.resolve(c + "-client-key.pem"), DeploymentPki.pkcs8(key), true));
        }
        return written;
    }
}
