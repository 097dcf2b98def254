package netwarden.app.tls;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netwarden.pki.DeploymentPki;
import netwarden.pki.StackPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden tls init DIR --hosts HOST,...}: a small CA, a server certificate for the hosts
 * and a client certificate for Prometheus, written to DIR (keys mode 0600); see {@link DeploymentPki}.
 * Writes the web config that serves them, {@code DIR/web.yml} (mutual TLS required; paths relative
 * to DIR, so the directory can be moved whole), and prints the scrape config that uses them. Exit 0
 * on success, 1 when a file exists (without {@code --force}) or cannot be written, 2 on bad options.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a CA, a server certificate and a client certificate in DIR.",
            "CA: ca.pem, ca-key.pem. Server, for the given hosts: server.pem, server-key.pem",
            "(DNS names and IP addresses become subject alternative names).",
            "Client, for Prometheus and Alertmanager: client.pem, client-key.pem.",
            "The web config serving them with client certificates required: web.yml (run --web-config DIR/web.yml).",
            "Keys are ECDSA P-256, PKCS#8, mode 0600. Existing files are kept unless --force is given.",
            "Keep ca-key.pem offline once the certificates are made: it can sign more."})
public final class TlsInitCommand implements Callable<Integer> {
    static final String WEB_CONFIG = "web.yml";
    /** Paths relative to the web config's own directory (as Prometheus reads them): DIR can move whole. */
    static final String WEB_YML = """
            # Written by 'netwarden tls init' (Prometheus web.config.file format): HTTPS, client certificates required.
            tls_server_config:
              cert_file: server.pem
              key_file: server-key.pem
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: ca.pem
            """;

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

    @Option(names = "--agents", split = ",", paramLabel = "ID[,ID...]",
            description = "Also a client certificate per fleet agent: agent-ID.pem, agent-ID-key.pem (netwarden agent --client-cert/--client-key).")
    List<String> agents = new ArrayList<>();

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
        Path web = dir.resolve(WEB_CONFIG);
        // One refusal naming every file already there, before anything is written.
        var names = new ArrayList<>(DeploymentPki.FILES);
        if (stack) names.addAll(StackPki.FILES);
        List<String> agentIds = agents.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        agentIds.forEach(a -> names.addAll(DeploymentPki.agentFiles(a)));
        names.add(WEB_CONFIG);
        List<Path> existing = names.stream().map(dir::resolve).filter(Files::exists).toList();
        if (!existing.isEmpty() && !force)
            throw new IllegalStateException("refusing to overwrite " + String.join(", ", existing.stream().map(Path::toString).toList())
                    + "; use --force to replace them");
        DeploymentPki.Result result;
        try {
            result = DeploymentPki.create(dir, request, force, Instant.now(), stack, agentIds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            Files.writeString(web, WEB_YML);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + web + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote to " + result.dir().toAbsolutePath() + ":");
        for (Path f : result.files()) out.println("  " + f.getFileName());
        out.println("  " + WEB_CONFIG + " (the web config: HTTPS with these files, client certificates required)");
        out.println("server certificate names: " + String.join(", ", result.serverNames())
                + "; valid until " + result.notAfter());
        out.println();
        out.println("Serve HTTPS: netwarden run --web-config " + abs(WEB_CONFIG) + " (or http.web-config in the config file)");
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
