package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Without capture privileges (a child JVM run by setpriv without CAP_NET_RAW, CAP_NET_ADMIN,
 * CAP_BPF, CAP_SYS_ADMIN): auto mode falls back to proc and says why, and explicit pcap and eBPF
 * capture fail with messages that name the missing capability.
 */
class UnprivilegedCaptureTest {
    @Test
    void withoutCapabilitiesAutoPicksProcAndCaptureFailsClearly() throws Exception {
        Assumptions.assumeTrue(Capabilities.ofProcess().has(Capabilities.CAP_SYS_ADMIN), "needs root to drop capabilities for a child");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        String drop = "-net_raw,-net_admin,-bpf,-sys_admin";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--bounding-set", drop, "--inh-caps", drop, java,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), UnprivilegedChild.class.getName())
                .redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("choice: capture mode proc (auto): not ebpf: needs root or CAP_BPF")
                    .contains("not pcap: needs root or CAP_NET_RAW"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("pcap: pcap capture on lo failed:").contains("CAP_NET_RAW"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ebpf: ").contains("CAP_BPF"));
        } finally {
            p.destroyForcibly();
        }
    }
}
