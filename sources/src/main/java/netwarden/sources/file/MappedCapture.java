package netwarden.sources.file;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A capture file mapped read-only into memory, for {@link netwarden.decode.CaptureReader}. The
 * mapping lives in a shared arena, so it may be opened on one thread and read on another; it stays
 * valid until {@link #close()}, after which any segment obtained from it must no longer be used.
 */
public final class MappedCapture implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment segment;
    private boolean closed;

    private MappedCapture(Path path, Arena arena, MemorySegment segment) {
        this.path = path;
        this.arena = arena;
        this.segment = segment;
    }

    /**
     * Maps {@code path}. Fails with a message naming the path when it does not exist
     * ({@link NoSuchFileException}), is not a regular file (a directory, device or pipe), or cannot be
     * read ({@link AccessDeniedException}).
     */
    public static MappedCapture open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "capture file not found");
        if (!Files.isRegularFile(path)) {
            String kind = Files.isDirectory(path) ? "a directory" : "not a regular file";
            throw new IOException(path + " is " + kind + " (need a pcap or pcapng file)");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(path.toString(), null, "permission denied reading capture file");
        }
        Arena arena = Arena.ofShared();
        try (channel) {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return new MappedCapture(path, arena, segment);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The whole file, read-only. */
    public MemorySegment segment() {
        if (closed) throw new IllegalStateException("capture " + path + " is closed");
        return segment;
    }

    public long size() {
        return segment.byteSize();
    }

    public Path path() {
        return path;
    }

    /** Unmaps the file; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        arena.close();
    }
}
