package netwarden.sources.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import netwarden.model.Clock;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.Handoff;
import netwarden.sources.live.LiveLab;
import netwarden.sources.live.NetnsLab;
import org.junit.jupiter.api.Test;

/** Attach, detach, crash leftovers and SIGTERM, against a real kernel (needs root, libbpf, the object). */
@LiveLab(LiveLab.Capture.EBPF)
class EbpfLifecycleTest {
    @Test
    void aStaleFilterOfACrashedRunIsReplacedAtStart() throws Exception {
        try (NetnsLab lab = NetnsLab.create(23)) {
            // A "crash": filters attached, then the process lets go of its object without detaching.
            byte[] elf = BpfObject.bytes(null);
            BpfKernelState crashed = BpfKernelState.open(Libbpf.get(), elf, 1024, lab.serverIf, lab.serverNsPath(), Clock.SYSTEM);
            crashed.closeWithoutDetaching();
            assertThat(lab.serverFilters("ingress")).contains("handle 0x4e57");
            assertThat(lab.serverFilters("egress")).contains("handle 0x4e57");

            EbpfSource source = new EbpfSource(lab.serverIf, CaptureConfig.defaults(), lab.serverNsPath(), Clock.SYSTEM);
            source.start(new Handoff());
            try {
                assertThat(source.staleFiltersReplaced()).isEqualTo(2);
                assertThat(lab.serverFilters("ingress").lines().filter(l -> l.contains("handle 0x4e57")).count()).isEqualTo(1);
            } finally {
                source.close();
            }
            assertThat(lab.serverFilters("ingress") + lab.serverFilters("egress")).doesNotContain("bpf");
        }
    }

    @Test
    void sigtermDetachesThroughTheShutdownHook() throws Exception {
        try (NetnsLab lab = NetnsLab.create(24)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    EbpfChild.class.getName(), lab.serverNsPath().toString(), lab.serverIf).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null && !line.equals("attached")) seen.append(line).append('\n');
                assertThat(line).as("child output: %s", seen).isEqualTo("attached");
                assertThat(lab.serverFilters("ingress")).contains("handle 0x4e57");
                child.destroy(); // SIGTERM
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child exited").isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(lab.serverFilters("ingress") + lab.serverFilters("egress")).doesNotContain("bpf");
            assertThat(lab.serverQdiscs()).doesNotContain("clsact");
        }
    }

    @Test
    void missingPiecesFailWithClearMessages() throws Exception {
        try (NetnsLab lab = NetnsLab.create(25)) {
            CaptureConfig noObject = CaptureConfig.defaults().withEbpfObject(Path.of("/nonexistent/netwarden.bpf.o"));
            assertThat(EbpfSource.unavailableReason(noObject)).contains("/nonexistent/netwarden.bpf.o");
            assertThatThrownBy(() -> new EbpfSource(lab.serverIf, noObject, lab.serverNsPath(), Clock.SYSTEM).start(new Handoff()))
                    .isInstanceOf(CaptureException.class).hasMessageContaining("capture.ebpf-object");
            assertThatThrownBy(() -> new EbpfSource("nosuch0", CaptureConfig.defaults(), lab.serverNsPath(), Clock.SYSTEM).start(new Handoff()))
                    .isInstanceOf(CaptureException.class).hasMessageContaining("no interface nosuch0");
            java.nio.file.Path garbage = java.nio.file.Files.createTempFile("nw", ".o");
            try {
                java.nio.file.Files.write(garbage, new byte[] {1, 2, 3});
                CaptureConfig bad = CaptureConfig.defaults().withEbpfObject(garbage);
                assertThatThrownBy(() -> new EbpfSource(lab.serverIf, bad, lab.serverNsPath(), Clock.SYSTEM).start(new Handoff()))
                        .isInstanceOf(CaptureException.class).hasMessageContaining("cannot open the eBPF object");
            } finally {
                java.nio.file.Files.delete(garbage);
            }
            assertThat(lab.serverQdiscs()).doesNotContain("clsact");
        }
    }
}
