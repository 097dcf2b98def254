package netwarden.sources.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs code inside another network namespace on the calling (platform) thread, then moves the
 * thread back. Sockets, pcap handles and netlink requests made inside stay bound to that namespace.
 *
 * <p>Design notes: Linux network namespaces are per thread, so {@link #call} saves the thread's own
 * namespace ({@code /proc/thread-self/ns/net}), enters the target, and restores it in a finally
 * block. It must run on a platform thread (a virtual thread could change carriers in between).
 * A null namespace means "stay where you are".
 */
public final class Netns {
    private static final Path NAMED = Path.of("/run/netns");

    private Netns() {}

    /** A namespace name ({@code ip netns add NAME}) or a path such as {@code /proc/PID/ns/net}. */
    public static Path resolve(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) return null;
        Path p = nameOrPath.contains("/") ? Path.of(nameOrPath) : NAMED.resolve(nameOrPath);
        if (!Files.exists(p)) throw new IllegalArgumentException("capture.netns: no such network namespace: " + nameOrPath + " (" + p + ")");
        return p;
    }

    public static <T> T call(Path netns, Callable<T> body) throws Exception {
        if (netns == null) return body.call();
        if (Thread.currentThread().isVirtual()) throw new IllegalStateException("network namespaces need a platform thread");
        int own = LibC.openReadOnly("/proc/thread-self/ns/net");
        try {
            enter(netns);
            try {
                return body.call();
            } finally {
                int rc = LibC.setns(own, LibC.CLONE_NEWNET);
                if (rc != 0) throw new IllegalStateException("cannot return to the original network namespace: " + LibC.strerror(rc));
            }
        } finally {
            LibC.close(own);
        }
    }

    /** Moves the calling thread into {@code netns} for good (for threads that live there). */
    public static void enter(Path netns) {
        if (netns == null) return;
        int fd = LibC.openReadOnly(netns.toString());
        try {
            int rc = LibC.setns(fd, LibC.CLONE_NEWNET);
            if (rc != 0) throw new IllegalStateException("cannot enter network namespace " + netns + ": " + LibC.strerror(rc));
        } finally {
            LibC.close(fd);
        }
    }
}
