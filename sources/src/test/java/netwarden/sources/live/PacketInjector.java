package netwarden.sources.live;

import static netwarden.sources.live.NativeLib.C_INT;
import static netwarden.sources.live.NativeLib.C_LONG;
import static netwarden.sources.live.NativeLib.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Sends hand-built Ethernet frames out of an interface through an AF_PACKET socket (test only):
 * tagged, fragmented, extension-headed or spoofed frames the kernel's own stack would not send.
 * The socket is opened inside the given network namespace.
 */
public final class PacketInjector implements AutoCloseable {
    private static final int AF_PACKET = 17, SOCK_RAW = 3, ETH_P_ALL = 0x0003;
    private static final NativeLib LIBC = NativeLib.libc();
    private static final MethodHandle SOCKET = LIBC.function("socket", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    private static final MethodHandle BIND = LIBC.functionWithErrno("bind", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT));
    private static final MethodHandle SEND = LIBC.functionWithErrno("send", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_INT));

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buf = arena.allocate(65536, 8);
    private final MemorySegment errno = NativeLib.errnoState(arena);

    private PacketInjector(int fd) {
        this.fd = fd;
    }

    public static PacketInjector open(Path netns, String iface) throws Exception {
        return Netns.call(netns, () -> {
            try {
                return openHere(iface);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
    }

    private static PacketInjector openHere(String iface) throws Throwable {
        {
            int index = LibC.ifNameToIndex(iface);
            if (index == 0) throw new IllegalStateException("no interface " + iface);
            int fd = (int) SOCKET.invokeExact(AF_PACKET, SOCK_RAW, (int) Short.reverseBytes((short) ETH_P_ALL) & 0xffff);
            if (fd < 0) throw new IllegalStateException("AF_PACKET socket failed");
            try (Arena a = Arena.ofConfined()) {
                MemorySegment sll = a.allocate(20, 4);
                sll.set(ValueLayout.JAVA_SHORT, 0, (short) AF_PACKET);
                sll.set(ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) ETH_P_ALL);
                sll.set(ValueLayout.JAVA_INT, 4, index);
                MemorySegment err = NativeLib.errnoState(a);
                int rc = (int) BIND.invokeExact(err, fd, sll, 20);
                if (rc != 0) {
                    LibC.close(fd);
                    throw new IllegalStateException("bind AF_PACKET: " + LibC.strerror(NativeLib.errno(err)));
                }
            }
            return new PacketInjector(fd);
        }
    }

    /** Sends one frame; throws when the kernel refuses it. */
    public void send(byte[] frame) {
        MemorySegment.copy(MemorySegment.ofArray(frame), 0, buf, 0, frame.length);
        try {
            long n = (long) SEND.invokeExact(errno, fd, buf, (long) frame.length, 0);
            if (n != frame.length) throw new IllegalStateException("send: " + LibC.strerror(NativeLib.errno(errno)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets the destination MAC (first 6 bytes) of {@code frame} to {@code mac} ("aa:bb:..."), in place. */
    public static byte[] to(String mac, byte[] frame) {
        String[] parts = mac.split(":");
        for (int i = 0; i < 6; i++) frame[i] = (byte) Integer.parseInt(parts[i], 16);
        return frame;
    }

    @Override
    public void close() {
        LibC.close(fd);
        arena.close();
    }
}
