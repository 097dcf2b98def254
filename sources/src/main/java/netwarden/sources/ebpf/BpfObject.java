package netwarden.sources.ebpf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.NativeLib;

/**
 * The loaded netwarden eBPF object: its programs and maps, until {@link #close()}. Loading sizes
 * the flow maps from the config; a failed load reports libbpf's log (the verifier's reasons).
 */
final class BpfObject implements AutoCloseable {
    private final Libbpf lib;
    private final MemorySegment object;
    private final Arena arena;
    private boolean closed;

    private BpfObject(Libbpf lib, MemorySegment object, Arena arena) {
        this.lib = lib;
        this.object = object;
        this.arena = arena;
    }

    /** The object's bytes: {@code file} when given, else the one built into the jar; null when neither exists. */
    static byte[] bytes(Path file) throws IOException {
        if (file != null) return Files.readAllBytes(file);
        try (InputStream in = BpfObject.class.getResourceAsStream(BpfLayout.RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** Null when an object is available, else why not. */
    static String unavailableReason(Path file) {
        if (file != null) return Files.isReadable(file) ? null : "capture.ebpf-object " + file + " is not a readable file";
        return BpfObject.class.getResource(BpfLayout.RESOURCE) != null ? null
                : "the eBPF object was not built into this jar (build with clang and libbpf-dev installed)";
    }

    static BpfObject load(Libbpf lib, byte[] elf, int flowEntries) throws CaptureException {
        Arena arena = Arena.ofShared();
        MemorySegment obj = MemorySegment.NULL;
        try {
            MemorySegment buf = arena.allocate(elf.length, 8);
            buf.copyFrom(MemorySegment.ofArray(elf));
            MemorySegment errno = NativeLib.errnoState(arena);
            Libbpf.clearLog();
            obj = (MemorySegment) lib.openMem.invokeExact(errno, buf, (long) elf.length, MemorySegment.NULL);
            if (obj.address() == 0)
                throw new CaptureException("cannot open the eBPF object: " + lib.error(NativeLib.errno(errno)) + log());
            BpfObject o = new BpfObject(lib, obj, arena);
            for (String m : BpfLayout.FLOW_MAPS) {
                int rc = (int) lib.setMaxEntries.invokeExact(o.map(m), flowEntries);
                if (rc != 0) throw new CaptureException("cannot size eBPF map " + m + " to " + flowEntries + ": " + lib.error(rc));
            }
            int rc = (int) lib.load.invokeExact(obj);
            if (rc != 0) throw new CaptureException("the kernel refused the eBPF program: " + lib.error(rc)
                    + (rc == -1 || rc == -13 ? " (loading needs root or CAP_BPF + CAP_NET_ADMIN)" : "") + log());
            return o;
        } catch (CaptureException | RuntimeException e) {
            closeQuietly(lib, obj, arena);
            throw e;
        } catch (Throwable t) {
            closeQuietly(lib, obj, arena);
            throw new CaptureException("cannot load the eBPF object: " + t, t);
        }
    }

    private static String log() {
        String log = Libbpf.recentLog().strip();
        if (log.isEmpty()) return "";
        String[] lines = log.split("\n");
        int from = Math.max(0, lines.length - 25);
        return "\nlibbpf says:\n" + String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static void closeQuietly(Libbpf lib, MemorySegment obj, Arena arena) {
        try {
            if (obj.address() != 0) lib.closeObject.invokeExact(obj);
        } catch (Throwable ignored) {
            // already failing; the first error is the one to report
        }
        arena.close();
    }

    private MemorySegment map(String name) throws CaptureException {
        try {
            MemorySegment m = (MemorySegment) lib.findMap.invokeExact(object, arena.allocateFrom(name));
            if (m.address() == 0) throw new CaptureException("the eBPF object has no map " + name + " (wrong object file?)");
            return m;
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("cannot find eBPF map " + name + ": " + t, t);
        }
    }

    int mapFd(String name) throws CaptureException {
        try {
            int fd = (int) lib.mapFd.invokeExact(map(name));
            if (fd < 0) throw new CaptureException("eBPF map " + name + " has no fd: " + lib.error(fd));
            return fd;
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("cannot get eBPF map " + name + ": " + t, t);
        }
    }

    int programFd(String name) throws CaptureException {
        try {
            MemorySegment p = (MemorySegment) lib.findProgram.invokeExact(object, arena.allocateFrom(name));
            if (p.address() == 0) throw new CaptureException("the eBPF object has no program " + name + " (wrong object file?)");
            int fd = (int) lib.programFd.invokeExact(p);
            if (fd < 0) throw new CaptureException("eBPF program " + name + " has no fd: " + lib.error(fd));
            return fd;
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("cannot get eBPF program " + name + ": " + t, t);
        }
    }

    /** Unloads programs and maps (a still-attached filter keeps its program alive in the kernel). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closeQuietly(lib, object, arena);
    }
}
