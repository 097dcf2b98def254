package netwarden.sources.ebpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Helpers for eBPF tests. */
final class EbpfTestSupport {
    private EbpfTestSupport() {}

    /** File descriptors of this JVM that point at BPF maps or programs (leaks after close). */
    static long openBpfObjects() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("anon_inode:bpf-map") || target.startsWith("anon_inode:bpf-prog");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
