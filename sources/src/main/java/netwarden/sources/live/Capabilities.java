package netwarden.sources.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The process's effective Linux capabilities, from the {@code CapEff} line of /proc/self/status. */
public record Capabilities(long effective) {
    public static final int CAP_NET_ADMIN = 12, CAP_NET_RAW = 13, CAP_SYS_ADMIN = 21, CAP_PERFMON = 38, CAP_BPF = 39;

    public static Capabilities ofProcess() {
        try {
            return parseStatus(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException | IllegalArgumentException e) {
            return new Capabilities(0); // no /proc: assume nothing is allowed
        }
    }

    /** Parses the text of a /proc/PID/status file. */
    public static Capabilities parseStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                String hex = line.substring(7).trim();
                try {
                    return new Capabilities(Long.parseUnsignedLong(hex, 16));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("CapEff is not hexadecimal: '" + hex + "'", e);
                }
            }
        }
        throw new IllegalArgumentException("no CapEff line in the status text");
    }

    public boolean has(int cap) {
        return (effective >>> cap & 1) != 0;
    }

    /** TC eBPF needs CAP_NET_ADMIN and CAP_BPF (CAP_SYS_ADMIN on kernels before 5.8). */
    public boolean canEbpf() {
        return has(CAP_NET_ADMIN) && (has(CAP_BPF) || has(CAP_SYS_ADMIN));
    }

    public boolean canPcap() {
        return has(CAP_NET_RAW);
    }

    /** The capabilities eBPF capture lacks, named, e.g. [CAP_BPF]. */
    public List<String> missingForEbpf() {
        var out = new ArrayList<String>();
        if (!has(CAP_BPF) && !has(CAP_SYS_ADMIN)) out.add("CAP_BPF");
        if (!has(CAP_NET_ADMIN)) out.add("CAP_NET_ADMIN");
        return out;
    }
}
