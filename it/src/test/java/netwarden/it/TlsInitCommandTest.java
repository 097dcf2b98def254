package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import netwarden.app.CliContext;
import netwarden.app.Main;
import netwarden.app.tls.TlsCommand;
import netwarden.server.tls.CertificateChecks;
import netwarden.server.tls.PemFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code netwarden tls init DIR --hosts ...} as a user runs it. */
class TlsInitCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run tls(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new TlsCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void makesTheSixFilesForTheHostsAndSaysHowToUseThem() throws Exception {
        Path dir = tmp.resolve("tls");
        Run r = tls("init", dir.toString(), "--hosts", "monitor.example.org, 192.0.2.10,127.0.0.1,::1");
        assertThat(r.exit()).as(r.err()).isZero();
        for (String f : new String[] {"ca.pem", "ca-key.pem", "server.pem", "server-key.pem", "client.pem", "client-key.pem"})
            assertThat(dir.resolve(f)).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server-key.pem")))).isEqualTo("rw-------");
        var server = PemFiles.readCertificates("s", dir.resolve("server.pem")).getFirst();
        assertThat(CertificateChecks.names(server)).containsExactly("monitor.example.org", "192.0.2.10", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(r.out()).contains("server certificate names: monitor.example.org, 192.0.2.10, 127.0.0.1",
                "Serve HTTPS: netwarden run --web-config " + dir.resolve("web.yml"),
                "cert_file: " + dir.resolve("client.pem"), "Move ca-key.pem somewhere offline");
        assertThat(Files.readString(dir.resolve("web.yml"))).contains("client_auth_type: RequireAndVerifyClientCert",
                "client_ca_file: ca.pem", "cert_file: server.pem");
    }

    @Test
    void withStackAlsoMakesTheCertificatesOfPrometheusAlertmanagerNodeExporterAndGrafana() throws Exception {
        Path dir = tmp.resolve("tls");
        Run r = tls("init", dir.toString(), "--hosts", "monitor.example.org,127.0.0.1", "--stack");
        assertThat(r.exit()).as(r.err()).isZero();
        var ca = PemFiles.readCertificates("ca", dir.resolve("ca.pem")).getFirst();
        for (String f : netwarden.pki.StackPki.FILES) {
            assertThat(r.out()).contains("  " + f + "\n");
            if (f.endsWith("-key.pem"))
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).as(f).isEqualTo("rw-------");
        }
        for (String name : netwarden.pki.StackPki.SERVERS) {
            var cert = PemFiles.readCertificates(name, dir.resolve(name + ".pem")).getFirst();
            cert.verify(ca.getPublicKey());
            assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + name + ",O=netwarden");
            assertThat(CertificateChecks.names(cert)).containsExactly(name, "monitor.example.org", "127.0.0.1", "localhost",
                    "0:0:0:0:0:0:0:1");
            assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth only
            assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        }
        for (String name : netwarden.pki.StackPki.CLIENTS) {
            var cert = PemFiles.readCertificates(name, dir.resolve(name + "-client.pem")).getFirst();
            cert.verify(ca.getPublicKey());
            assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + name + ",O=netwarden");
            assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // clientAuth only
            // The key belongs to the certificate.
            var key = PemFiles.readPrivateKey(name, dir.resolve(name + "-client-key.pem"));
            var sig = java.security.Signature.getInstance("SHA256withECDSA");
            sig.initSign(key);
            sig.update(new byte[] {1, 2, 3});
            byte[] signed = sig.sign();
            sig.initVerify(cert.getPublicKey());
            sig.update(new byte[] {1, 2, 3});
            assertThat(sig.verify(signed)).isTrue();
        }
        // A stack file that exists stops a second run, as netwarden's own do.
        Files.delete(dir.resolve("ca.pem"));
        Run again = tls("init", dir.toString(), "--hosts", "localhost", "--stack");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("refusing to overwrite", "grafana.pem");
    }

    @Test
    void refusesToOverwriteUnlessForced() throws Exception {
        Path dir = tmp.resolve("tls");
        assertThat(tls("init", dir.toString(), "--hosts", "localhost").exit()).isZero();
        byte[] ca = Files.readAllBytes(dir.resolve("ca.pem"));
        Run again = tls("init", dir.toString(), "--hosts", "localhost");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("refusing to overwrite", "--force");
        assertThat(Files.readAllBytes(dir.resolve("ca.pem"))).isEqualTo(ca);
        assertThat(tls("init", dir.toString(), "--hosts", "localhost", "--force").exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("ca.pem"))).isNotEqualTo(ca);
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run noHosts = tls("init", tmp.toString());
        assertThat(noHosts.exit()).isEqualTo(2);
        assertThat(noHosts.err()).contains("Missing required option: '--hosts");
        Run badHost = tls("init", tmp.toString(), "--hosts", "under_score.example");
        assertThat(badHost.exit()).isEqualTo(2);
        assertThat(badHost.err()).contains("not a DNS name or IP address: 'under_score.example'");
        Run badDays = tls("init", tmp.toString(), "--hosts", "localhost", "--days", "0");
        assertThat(badDays.exit()).isEqualTo(2);
        assertThat(badDays.err()).contains("--days and --ca-days must be positive");
    }

    @Test
    void theNetwardenCommandLineOffersIt() {
        CommandLine root = Main.commandLine(new CliContext(Map.of()));
        Assumptions.assumeTrue(root.getSubcommands().containsKey("tls"),
                "netwarden.app.tls.TlsCommand is not registered in NetwardenCommand yet (the lead wires it)");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.execute(new CliContext(Map.of()), new PrintWriter(out), new PrintWriter(err),
                "tls", "init", tmp.resolve("x").toString(), "--hosts", "localhost");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(Main.execute(new CliContext(Map.of()), new PrintWriter(out), new PrintWriter(err),
                "tls", "init", tmp.resolve("x").toString(), "--hosts", "localhost")).isEqualTo(1);
        assertThat(err.toString()).contains("netwarden tls init: error: refusing to overwrite");
    }
}
