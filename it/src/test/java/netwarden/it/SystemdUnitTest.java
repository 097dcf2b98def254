package netwarden.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd: the unit and its capture-mode drop-ins pass `systemd-analyze verify` without a warning. */
class SystemdUnitTest {
    private static final Path UNIT = Repo.deploy("systemd/netwarden.service");

    @TempDir
    Path tmp;

    @Test
    void theUnitAndItsDropInsVerifyWithoutWarnings() throws Exception {
        Path analyze = Tools.find("systemd-analyze");
        Assumptions.assumeTrue(analyze != null, "systemd-analyze not installed (Debian package 'systemd')");
        // verify insists that ExecStart names an executable: put a stand-in where the unit looks.
        Path launcher = tmp.resolve("netwarden");
        Files.writeString(launcher, "#!/bin/sh\nexit 0\n");
        launcher.toFile().setExecutable(true);
        Files.writeString(tmp.resolve("netwarden.service"),
                Files.readString(UNIT).replace("/opt/netwarden/bin/netwarden", launcher.toString()));
        Path dropIns = Files.createDirectories(tmp.resolve("netwarden.service.d"));
        try (Stream<Path> s = Files.list(Repo.deploy("systemd/netwarden.service.d"))) {
            for (Path conf : s.toList()) Files.copy(conf, dropIns.resolve(conf.getFileName()));
        }
        Tools.Result r = Tools.run(List.of(analyze.toString(), "verify", "netwarden.service"),
                Map.of("SYSTEMD_UNIT_PATH", tmp + ":"), tmp, 60);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output().lines().filter(l -> l.contains("netwarden"))).as(r.output()).isEmpty();
    }

    @Test
    void capabilitiesMatchTheCaptureModes() throws Exception {
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("CapabilityBoundingSet=CAP_BPF CAP_NET_ADMIN CAP_PERFMON CAP_NET_RAW\n",
                "AmbientCapabilities=CAP_BPF CAP_NET_ADMIN CAP_PERFMON CAP_NET_RAW\n", "User=netwarden\n",
                "NoNewPrivileges=yes\n", "ProtectSystem=strict\n", "ProtectHome=yes\n", "PrivateTmp=yes\n",
                "ReadWritePaths=/var/lib/netwarden\n", "LimitMEMLOCK=infinity\n",
                "ExecStart=/opt/netwarden/bin/netwarden ", "Restart=on-failure\n",
                "Environment=NETWARDEN_JAVA_OPTS=-XX:+ExitOnOutOfMemoryError\n"); // an OOM ends the process, so it restarts
        String pcap = Files.readString(Repo.deploy("systemd/netwarden.service.d/capture-pcap.conf"));
        assertThat(pcap).contains("CapabilityBoundingSet=\nCapabilityBoundingSet=CAP_NET_RAW\n", "NETWARDEN_CAPTURE=pcap");
        String proc = Files.readString(Repo.deploy("systemd/netwarden.service.d/capture-proc.conf"));
        assertThat(proc).contains("CapabilityBoundingSet=\n", "AmbientCapabilities=\n", "NETWARDEN_CAPTURE=proc")
                .doesNotContain("CAP_");
    }
}
