package netwarden.app.tls;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import netwarden.pki.DeploymentPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden tls init DIR --hosts HOST,...}: a small CA, a server certificate for the hosts
 * and a client certificate for Prometheus, written to DIR (keys mode 0600); see {@link DeploymentPki}.
 * Prints the files and the web config and scrape config that use them. Exit 0 on success, 1 when
 * a file exists (without {@code --force}) or cannot be written, 2 on bad options.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a CA, a server certificate and a client certificate in DIR.",
            "CA: ca.pem, ca-key.pem. Server, for the given hosts: server.pem, server-key.pem",
            "(DNS names and IP addresses become subject alternative names).",
            "Client, for Prometheus and Alertmanager: client.pem, client-key.pem.",
            "Keys are ECDSA P-256, PKCS#8, mode 0600. Existing files are kept unless --force is given.",
            "Keep ca-key.pem offline once the certificates are made: it can sign more."})
public final class TlsInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory for the files (created if missing).")
    Path dir;

    @Option(names = "--hosts", required = true, split = ",", paramLabel = "HOST[,HOST...]",
            description = "Names and addresses clients use to reach netwarden, e.g. monitor.example.org,192.0.2.10,127.0.0.1.")
    List<String> hosts;

    @Option(names = "--client-name", defaultValue = "prometheus", paramLabel = "NAME",
            description = "Common name of the client certificate (default: ${DEFAULT-VALUE}).")
    String clientName;

    @Option(names = "--days", defaultValue = "825", paramLabel = "N",
            description = "Validity of the server and client certificates in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--ca-days", defaultValue = "3650", paramLabel = "N",
            description = "Validity of the CA in days (default: ${DEFAULT-VALUE}).")
    int caDays;

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Option(names = "--stack", description = {"Also certificates for the monitoring stack (deploy/): server certificates",
        "prometheus.pem, alertmanager.pem, node-exporter.pem, grafana.pem (each NAME-key.pem beside it),",
        "client certificates alertmanager-client.pem and grafana-client.pem (see docs/deploy.md)."})
    boolean stack;

    @Override
    public Integer call() {
        DeploymentPki.Request request;
        try {
            if (days <= 0 || caDays <= 0)
                throw new IllegalArgumentException("--days and --ca-days must be positive: " + days + ", " + caDays);
            request = new DeploymentPki.Request(hosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList(),
                    clientName, Duration.ofDays(caDays), Duration.ofDays(days));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DeploymentPki.Result result = DeploymentPki.create(dir, request, force, Instant.now(), stack);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote to " + result.dir().toAbsolutePath() + ":");
        for (Path f : result.files()) out.println("  " + f.getFileName());
        out.println("server certificate names: " + String.join(", ", result.serverNames())
                + "; valid until " + result.notAfter());
        out.println();
        out.println("netwarden web config file (Prometheus web.config.file format), mTLS required:");
        out.println("  tls_server_config:");
        out.println("    cert_file: " + abs("server.pem"));
        out.println("    key_file: " + abs("server-key.pem"));
        out.println("    client_auth_type: RequireAndVerifyClientCert");
        out.println("    client_ca_file: " + abs("ca.pem"));
        out.println();
        out.println("Prometheus scrape job (tls_config):");
        out.println("  scheme: https");
        out.println("  tls_config:");
        out.println("    ca_file: " + abs("ca.pem"));
        out.println("    cert_file: " + abs("client.pem"));
        out.println("    key_file: " + abs("client-key.pem"));
        out.println();
        out.println("Move ca-key.pem somewhere offline: whoever holds it can make certificates netwarden accepts.");
        return 0;
    }

    private String abs(String file) {
        return dir.resolve(file).toAbsolutePath().normalize().toString();
    }
}
