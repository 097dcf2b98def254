package netwarden.sources.query;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A game server's A2S side as the Valve wiki describes it: answers A2S_INFO and A2S_PLAYER, optionally
 * demands the challenge first, splits answers into Source or GoldSource multi-packet parts, or misbehaves on purpose.
 */
final class A2sFixture implements AutoCloseable {
    enum Mode { NORMAL, SILENT, GARBAGE, TRUNCATED, COMPRESSED }

    final DatagramSocket socket;
    final CopyOnWriteArrayList<Integer> clientPorts = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.NORMAL;
    volatile boolean challenge = true;
    volatile int splitSize; // 0 = never split
    volatile boolean goldSource; // GoldSource's split header instead of Source's
    volatile String[] names = {"alice", "bob", "carol"};
    private final int secret = 0x5EC12E7;
    private final Thread thread;

    A2sFixture() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("a2s-fixture").start(this::serve);
    }

    int port() { return socket.getLocalPort(); }

    private void serve() {
        byte[] buf = new byte[1400];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                clientPorts.add(p.getPort());
                byte[] req = Arrays.copyOf(p.getData(), p.getLength());
                for (byte[] d : answer(req)) socket.send(new DatagramPacket(d, d.length, p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private byte[][] answer(byte[] req) {
        if (mode == Mode.SILENT) return new byte[0][];
        if (mode == Mode.GARBAGE) return new byte[][] {HexFormat.of().parseHex("ffffffff7a0102")};
        boolean info = req.length >= 25 && req[4] == 0x54;
        boolean player = req.length == 9 && req[4] == 0x55;
        if (!info && !player) return new byte[0][];
        int given = info ? (req.length == 29 ? le(req, 25) : 0) : le(req, 5);
        if (challenge && given != secret) return new byte[][] {A2sTest.challenge(secret)};
        byte[] whole = info ? A2sTest.info(names.length, 16, 1) : A2sTest.players(names);
        if (mode == Mode.TRUNCATED) return new byte[][] {Arrays.copyOf(whole, whole.length - 3)};
        if (mode == Mode.COMPRESSED) return new byte[][] {A2sTest.splitPart(0x80000009, 1, 0, whole)};
        if (splitSize == 0 || whole.length <= splitSize) return new byte[][] {whole};
        int total = (whole.length + splitSize - 1) / splitSize;
        byte[][] out = new byte[total][];
        for (int i = 0; i < total; i++) { // sent last part first: reassembly must not rely on order
            byte[] payload = Arrays.copyOfRange(whole, i * splitSize, Math.min(whole.length, (i + 1) * splitSize));
            out[total - 1 - i] = goldSource ? A2sTest.goldSourcePart(0x1234, total, i, payload) : A2sTest.splitPart(0x1234, total, i, payload);
        }
        return out;
    }

    private static int le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
