package netwarden.sources.router;

import static netwarden.sources.live.NativeLib.C_INT;
import static netwarden.sources.live.NativeLib.C_LONG;
import static netwarden.sources.live.NativeLib.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import netwarden.sources.live.LibC;
import netwarden.sources.live.NativeLib;

/**
 * A raw netlink socket (AF_NETLINK, SOCK_RAW) through FFM: bind to multicast groups, size the
 * receive buffer, send requests to the kernel, receive datagrams with a timeout.
 *
 * <p>Design notes: the socket belongs to the network namespace of the thread that opens it. One
 * thread receives; {@link #receive} returns the byte count or a negative errno (ENOBUFS = the
 * kernel dropped messages because the buffer was full), so the caller decides what an overrun means.
 */
final class NetlinkSocket implements AutoCloseable {
    static final int NETLINK_NETFILTER = 12;
    static final int ENOBUFS = 105, EAGAIN = 11, EINTR = 4, EPERM = 1, EPROTONOSUPPORT = 93;
    private static final int AF_NETLINK = 16, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1, SO_RCVBUF = 8, SO_RCVTIMEO = 20, SO_RCVBUFFORCE = 33;
    private static final NativeLib LIBC = NativeLib.libc();
    private static final MethodHandle SOCKET = LIBC.functionWithErrno("socket", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    private static final MethodHandle BIND = LIBC.functionWithErrno("bind", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT));
    private static final MethodHandle SETSOCKOPT = LIBC.functionWithErrno("setsockopt",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT));
    private static final MethodHandle GETSOCKOPT = LIBC.functionWithErrno("getsockopt",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_POINTER));
    private static final MethodHandle SEND = LIBC.functionWithErrno("send", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT));
    private static final MethodHandle RECV = LIBC.functionWithErrno("recv", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT));

    /** A system call failed; {@link #errno()} says why. */
    static final class NetlinkIoException extends Exception {
        private final int errno;

        NetlinkIoException(String call, int errno) {
            super(call + ": " + LibC.strerror(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment state = NativeLib.errnoState(arena);
    private final MemorySegment buffer;
    private volatile boolean closed;

    private NetlinkSocket(int fd, int bufferSize) {
        this.fd = fd;
        this.buffer = arena.allocate(bufferSize, 8);
    }

    /** Opens a netlink socket of {@code protocol} bound to the multicast {@code groups} bitmask. */
    static NetlinkSocket open(int protocol, int groups, int bufferSize) throws NetlinkIoException {
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeLib.errnoState(a);
            fd = (int) SOCKET.invokeExact(st, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
            if (fd < 0) throw new NetlinkIoException("socket(AF_NETLINK, " + protocol + ")", NativeLib.errno(st));
        } catch (NetlinkIoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        NetlinkSocket s = new NetlinkSocket(fd, bufferSize);
        try {
            MemorySegment addr = s.arena.allocate(12, 4);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_NETLINK);
            addr.set(ValueLayout.JAVA_INT, 8, groups);
            s.check("bind(groups=0x" + Integer.toHexString(groups) + ")", (int) BIND.invokeExact(s.state, fd, addr, 12));
        } catch (NetlinkIoException e) {
            s.close();
            throw e;
        } catch (Throwable t) {
            s.close();
            throw new IllegalStateException(t);
        }
        return s;
    }

    /**
     * Sizes the kernel receive buffer: SO_RCVBUFFORCE (past net.core.rmem_max, needs CAP_NET_ADMIN),
     * else SO_RCVBUF. Returns the size the kernel reports (it doubles the request for bookkeeping).
     */
    int receiveBuffer(int bytes) throws NetlinkIoException {
        if (setInt(SO_RCVBUFFORCE, bytes) != 0) check("setsockopt(SO_RCVBUF)", setInt(SO_RCVBUF, bytes));
        MemorySegment v = arena.allocate(4, 4), n = arena.allocate(4, 4);
        n.set(ValueLayout.JAVA_INT, 0, 4);
        try {
            check("getsockopt(SO_RCVBUF)", (int) GETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUF, v, n));
        } catch (NetlinkIoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return v.get(ValueLayout.JAVA_INT, 0);
    }

    /** Makes {@link #receive} return -EAGAIN after {@code millis} without data, so loops can stop. */
    void receiveTimeout(int millis) throws NetlinkIoException {
        MemorySegment tv = arena.allocate(16, 8);
        tv.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
        tv.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000L);
        try {
            check("setsockopt(SO_RCVTIMEO)", (int) SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16));
        } catch (NetlinkIoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    void send(byte[] message) throws NetlinkIoException {
        MemorySegment m = arena.allocate(message.length, 8);
        MemorySegment.copy(MemorySegment.ofArray(message), 0, m, 0, message.length);
        try {
            long n = (long) SEND.invokeExact(state, fd, m, (long) message.length, 0);
            if (n < 0) throw new NetlinkIoException("send", NativeLib.errno(state));
        } catch (NetlinkIoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static final int MSG_DONTWAIT = 0x40;

    /** Receives one datagram into {@code into}; the byte count, or a negative errno. */
    int receive(byte[] into) {
        return receive(into, 0);
    }

    /** As {@link #receive(byte[])} with recv flags (e.g. {@link #MSG_DONTWAIT}: -EAGAIN when empty). */
    int receive(byte[] into, int flags) {
        try {
            long n = (long) RECV.invokeExact(state, fd, buffer, Math.min(buffer.byteSize(), (long) into.length), flags);
            if (n < 0) return -NativeLib.errno(state);
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, into, 0, (int) n);
            return (int) n;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private int setInt(int option, int value) {
        MemorySegment v = arena.allocate(4, 4);
        v.set(ValueLayout.JAVA_INT, 0, value);
        try {
            int rc = (int) SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, option, v, 4);
            return rc == 0 ? 0 : NativeLib.errno(state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private void check(String call, int rc) throws NetlinkIoException {
        if (rc < 0) throw new NetlinkIoException(call, NativeLib.errno(state));
        if (rc > 0) throw new NetlinkIoException(call, rc);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        LibC.close(fd);
        arena.close();
    }
}
