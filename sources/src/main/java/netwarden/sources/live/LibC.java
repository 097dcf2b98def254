package netwarden.sources.live;

import static netwarden.sources.live.NativeLib.C_INT;
import static netwarden.sources.live.NativeLib.C_LONG;
import static netwarden.sources.live.NativeLib.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** The few libc calls live capture needs: namespaces, interface indexes, errno text. */
public final class LibC {
    public static final int O_RDONLY = 0, O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    private static final NativeLib LIBC = NativeLib.libc();
    private static final MethodHandle OPEN = LIBC.function("open",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT), Linker.Option.firstVariadicArg(2),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LIBC.function("close", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle SETNS = LIBC.functionWithErrno("setns", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final MethodHandle IF_NAMETOINDEX = LIBC.functionWithErrno("if_nametoindex",
            FunctionDescriptor.of(C_INT, C_POINTER));
    private static final MethodHandle SOCKET = LIBC.function("socket", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    private static final MethodHandle IOCTL = LIBC.function("ioctl", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER),
            Linker.Option.firstVariadicArg(2), Linker.Option.captureCallState("errno"));
    private static final MethodHandle STRERROR = LIBC.function("strerror", FunctionDescriptor.of(C_POINTER, C_INT));
    private static final MethodHandle VSNPRINTF = LIBC.function("vsnprintf",
            FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_POINTER, C_POINTER));

    private LibC() {}

    /** Opens {@code path} read-only; returns the fd or throws with the errno text. */
    public static int openReadOnly(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = NativeLib.errnoState(arena);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), O_RDONLY | O_CLOEXEC);
            if (fd < 0) throw new IllegalStateException("cannot open " + path + ": " + strerror(NativeLib.errno(state)));
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Moves the calling thread into the namespace behind {@code fd}; 0 or the errno. */
    public static int setns(int fd, int type) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = NativeLib.errnoState(arena);
            int rc = (int) SETNS.invokeExact(state, fd, type);
            return rc == 0 ? 0 : NativeLib.errno(state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The index of interface {@code name} in the calling thread's network namespace, or 0. */
    public static int ifNameToIndex(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = NativeLib.errnoState(arena);
            return (int) IF_NAMETOINDEX.invokeExact(state, arena.allocateFrom(name));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** ARPHRD_* hardware types that carry an Ethernet header before IP. */
    public static final int ARPHRD_ETHER = 1, ARPHRD_LOOPBACK = 772;
    private static final int AF_INET = 2, SOCK_DGRAM = 2, SIOCGIFHWADDR = 0x8927, IFREQ_SIZE = 40;

    /**
     * The ARPHRD_* hardware type of interface {@code name} in the calling thread's network
     * namespace (SIOCGIFHWADDR), or -1 with no such interface.
     */
    public static int hardwareType(String name) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) SOCKET.invokeExact(AF_INET, SOCK_DGRAM, 0);
            if (fd < 0) return -1;
            try {
                MemorySegment ifreq = arena.allocate(IFREQ_SIZE, 8);
                byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                MemorySegment.copy(MemorySegment.ofArray(n), 0, ifreq, 0, Math.min(n.length, 15));
                int rc = (int) IOCTL.invokeExact(NativeLib.errnoState(arena), fd, (long) SIOCGIFHWADDR, ifreq);
                return rc < 0 ? -1 : Short.toUnsignedInt(ifreq.get(java.lang.foreign.ValueLayout.JAVA_SHORT, 16));
            } finally {
                close(fd);
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static String strerror(int errno) {
        try {
            return NativeLib.string((MemorySegment) STRERROR.invokeExact(errno)) + " (errno " + errno + ")";
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Formats a printf format with a {@code va_list} (as libbpf's print callback receives it). */
    public static String vformat(MemorySegment format, MemorySegment vaList) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(2048);
            int ignored = (int) VSNPRINTF.invokeExact(buf, 2048L, format, vaList);
            return buf.getString(0);
        } catch (Throwable t) {
            return "(unformattable libbpf message: " + t + ")";
        }
    }
}
