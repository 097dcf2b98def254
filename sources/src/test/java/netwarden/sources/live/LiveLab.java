package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netwarden.sources.ebpf.EbpfSource;
import netwarden.sources.pcap.PcapSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that captures real traffic in private network namespaces ({@link NetnsLab}). Its
 * tests run only where the lab can be built (root, iproute2) and the capture they use works; they
 * are skipped with the reason otherwise. After the class: no namespace or link of ours is left,
 * and for eBPF no BPF map or program is still open in this JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LiveLab.Checks.class)
public @interface LiveLab {
    Capture value();

    enum Capture { PCAP, EBPF }

    final class Checks implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            String why = NetnsLab.unavailableReason();
            Assumptions.assumeTrue(why == null, why);
            String capture = switch (capture(context)) {
                case PCAP -> PcapSource.unavailableReason();
                case EBPF -> EbpfSource.unavailableReason(CaptureConfig.defaults());
            };
            Assumptions.assumeTrue(capture == null, capture);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            assertThat(NetnsLab.leftovers()).as("namespaces and links left behind").isEmpty();
            if (capture(context) == Capture.EBPF) assertThat(openBpfObjects()).as("BPF maps/programs still open in this JVM").isZero();
        }

        private static Capture capture(ExtensionContext context) {
            return context.getRequiredTestClass().getAnnotation(LiveLab.class).value();
        }

        /** File descriptors of this JVM that point at BPF maps or programs (leaks after close). */
        private static long openBpfObjects() throws IOException {
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                return fds.filter(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        return target.startsWith("anon_inode:bpf-map") || target.startsWith("anon_inode:bpf-prog");
                    } catch (IOException e) {
                        return false; // closed while listing
                    }
                }).count();
            }
        }
    }
}
