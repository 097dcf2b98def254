package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/compose/setup.sh in a copy of the compose directory, with `netwarden tls` run from this build. */
class SetupScriptTest {
    @TempDir
    Path tmp;

    @Test
    void preparesEnvTokenFilesAndCertificatesAndKeepsThemOnASecondRun() throws Exception {
        Path compose = Files.createDirectories(tmp.resolve("compose"));
        for (String f : List.of("setup.sh", ".env.example", "docker-compose.yml"))
            Files.copy(Repo.deploy("compose").resolve(f), compose.resolve(f));
        Path cli = tmp.resolve("netwarden");
        Files.writeString(cli, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' " + TlsCli.class.getName() + " \"$@\"\n");
        cli.toFile().setExecutable(true);
        Map<String, String> env = Map.of("NETWARDEN_CLI", cli.toString());

        Tools.Result first = Tools.run(List.of("bash", compose.resolve("setup.sh").toString()), env, compose, 120);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String dotEnv = Files.readString(compose.resolve(".env"));
        String prometheusToken = Files.readString(compose.resolve("secrets/prometheus_token"));
        String alertmanagerToken = Files.readString(compose.resolve("secrets/alertmanager_token"));
        assertThat(prometheusToken).matches("[0-9a-f]{48}").isNotEqualTo(alertmanagerToken);
        assertThat(dotEnv).as("tokens stay in their files").doesNotContain(prometheusToken.strip(), alertmanagerToken.strip());
        assertThat(value(dotEnv, "GRAFANA_ADMIN_PASSWORD")).matches("[0-9a-f]{48}");
        assertThat(value(dotEnv, "DISCORD_WEBHOOK_URL")).isEqualTo("https://discord.com/api/webhooks/ID/TOKEN");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(compose.resolve(".env")))).isEqualTo("rw-------");
        for (String f : List.of("ca.pem", "server.pem", "server-key.pem", "client.pem", "client-key.pem"))
            assertThat(compose.resolve("tls").resolve(f)).isRegularFile();
        for (String f : netwarden.pki.StackPki.FILES) assertThat(compose.resolve("tls").resolve(f)).isRegularFile();
        assertThat(compose.resolve("tls/ca-key.pem")).as("the CA key is kept out of the mounted directory").doesNotExist();
        assertThat(compose.resolve("offline/ca-key.pem")).isRegularFile();
        assertThat(first.output()).contains("certificates in tls/ for: localhost,127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            for (String token : List.of("secrets/prometheus_token", "secrets/alertmanager_token")) {
                // Prometheus/Alertmanager (nobody) own it; netwarden (root, without CAP_DAC_OVERRIDE) reads it as its group.
                assertThat(Files.getAttribute(compose.resolve(token), "unix:uid")).isEqualTo(65534);
                assertThat(Files.getAttribute(compose.resolve(token), "unix:gid")).isEqualTo(0);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(compose.resolve(token)))).isEqualTo("rw-r-----");
                assertReadableAs(compose.resolve(token), "--reuid=0", "--regid=0");
            }
            assertThat(Files.getAttribute(compose.resolve("tls/client-key.pem"), "unix:gid")).isEqualTo(65534);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(compose.resolve("tls/client-key.pem"))))
                    .isEqualTo("rw-r-----");
            // The stack's keys: each readable by its container's user only (nobody for Prometheus,
            // Alertmanager and node-exporter; 472 for Grafana).
            for (String key : List.of("prometheus-key.pem", "alertmanager-key.pem", "node-exporter-key.pem",
                    "alertmanager-client-key.pem", "grafana-key.pem", "grafana-client-key.pem")) {
                Path k = compose.resolve("tls").resolve(key);
                assertThat(Files.getAttribute(k, "unix:uid")).as(key).isEqualTo(key.startsWith("grafana") ? 472 : 65534);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k))).as(key).isEqualTo("rw-------");
            }
            assertReadableAs(compose.resolve("tls/grafana-client-key.pem"), "--reuid=472", "--regid=472");
            assertReadableAs(compose.resolve("tls/node-exporter-key.pem"), "--reuid=65534", "--regid=65534");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(compose.resolve("tls/grafana.pem"))))
                    .isEqualTo("rw-r--r--");
        } else {
            assertThat(first.output()).contains("sudo chown 65534:65534");
        }

        byte[] ca = Files.readAllBytes(compose.resolve("tls/ca.pem"));
        // A .env from before token files: the copied tokens are taken out.
        Files.writeString(compose.resolve(".env"), "NETWARDEN_PROMETHEUS_TOKEN=" + prometheusToken.strip() + "\n"
                + "NETWARDEN_ALERTMANAGER_TOKEN=" + alertmanagerToken.strip() + "\n", java.nio.file.StandardOpenOption.APPEND);
        Tools.Result second = Tools.run(List.of("bash", compose.resolve("setup.sh").toString()), env, compose, 120);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(Files.readString(compose.resolve("secrets/prometheus_token"))).isEqualTo(prometheusToken);
        assertThat(Files.readAllBytes(compose.resolve("tls/ca.pem"))).isEqualTo(ca);
        String again = Files.readString(compose.resolve(".env"));
        assertThat(value(again, "GRAFANA_ADMIN_PASSWORD")).isEqualTo(value(dotEnv, "GRAFANA_ADMIN_PASSWORD"));
        assertThat(again).doesNotContain("NETWARDEN_PROMETHEUS_TOKEN", "NETWARDEN_ALERTMANAGER_TOKEN", prometheusToken.strip());

        // A tls/ from before the stack served HTTPS: no CA key to add certificates with, so it says how to start over.
        for (String f : netwarden.pki.StackPki.FILES) Files.delete(compose.resolve("tls").resolve(f));
        Tools.Result old = Tools.run(List.of("bash", compose.resolve("setup.sh").toString()), env, compose, 120);
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.output()).contains("tls/ has no certificates for Prometheus", "mv tls tls.old && ./setup.sh");
    }

    @Test
    void anUnprivilegedNetwardenOwnsTheKeysItPresents() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        Path compose = Files.createDirectories(tmp.resolve("compose"));
        for (String f : List.of("setup.sh", ".env.example", "docker-compose.yml"))
            Files.copy(Repo.deploy("compose").resolve(f), compose.resolve(f));
        Files.writeString(compose.resolve(".env"), Files.readString(compose.resolve(".env.example"))
                .replace("NETWARDEN_USER=0:0", "NETWARDEN_USER=10001:10001"));
        Path cli = tmp.resolve("netwarden");
        Files.writeString(cli, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' " + TlsCli.class.getName() + " \"$@\"\n");
        cli.toFile().setExecutable(true);
        Tools.Result r = Tools.run(List.of("bash", compose.resolve("setup.sh").toString()), Map.of("NETWARDEN_CLI", cli.toString()), compose, 120);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // The healthcheck presents the client certificate: the unprivileged user must read its key, Prometheus (group) too.
        Path clientKey = compose.resolve("tls/client-key.pem");
        assertThat(Files.getAttribute(clientKey, "unix:uid")).isEqualTo(10001);
        assertThat(Files.getAttribute(clientKey, "unix:gid")).isEqualTo(65534);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clientKey))).isEqualTo("rw-r-----");
        assertThat(Files.getAttribute(compose.resolve("tls/server-key.pem"), "unix:uid")).isEqualTo(10001);
        assertThat(Files.getAttribute(compose.resolve("secrets/prometheus_token"), "unix:gid")).as("netwarden's group reads the token").isEqualTo(10001);
        assertReadableAs(compose.resolve("secrets/prometheus_token"), "--reuid=10001", "--regid=10001");
    }

    /** Reads the file as netwarden's container does: this uid/gid, no supplementary groups, no capabilities at all. */
    private void assertReadableAs(Path file, String uid, String gid) throws Exception {
        // The container sees the file at a path it may traverse; let others through this test's directories.
        for (Path d = file.getParent(); d.startsWith(tmp); d = d.getParent()) {
            var perms = Files.getPosixFilePermissions(d);
            if (perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) Files.setPosixFilePermissions(d, perms);
        }
        Tools.Result r = Tools.run(List.of("setpriv", uid, gid, "--clear-groups", "--bounding-set=-all", "--inh-caps=-all",
                "--", "cat", file.toString()), Map.of(), file.getParent(), 10);
        assertThat(r.exitCode()).as("read %s as %s %s without capabilities: %s", file, uid, gid, r).isZero();
        assertThat(r.output()).isEqualTo(Files.readString(file));
    }

    private static String value(String dotEnv, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(dotEnv);
        assertThat(m.find()).as(key + " in .env").isTrue();
        return m.group(1);
    }
}
