package netwarden.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the TLS files looked like when read: modification time, size and file key (inode) of each,
 * following symbolic links, so an edit in place, an atomic rename and a Kubernetes-style symlink
 * swap all count as a change. A missing file has a stamp too ("absent"), so its return is a change.
 */
record FileStamps(List<Stamp> stamps) {
    record Stamp(Path file, long modifiedNanos, long size, Object fileKey) {}

    FileStamps {
        stamps = List.copyOf(stamps);
    }

    static FileStamps of(List<Path> files) {
        List<Stamp> out = new ArrayList<>();
        for (Path f : files) out.add(stamp(f));
        return new FileStamps(out);
    }

    /** Whether any file differs now from when this was taken. */
    boolean changed() {
        for (Stamp s : stamps) if (!Objects.equals(s, stamp(s.file()))) return true;
        return false;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return new Stamp(file, nanos, a.size(), a.fileKey());
        } catch (IOException e) {
            return new Stamp(file, -1, -1, null);
        }
    }
}
