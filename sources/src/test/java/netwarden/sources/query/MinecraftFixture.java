package netwarden.sources.query;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Minecraft server's status side as wiki.vg describes it: reads the Handshake (checking next state 1)
 * and the Status Request, answers the Status Response, in small pieces to exercise reassembly.
 */
final class MinecraftFixture implements AutoCloseable {
    enum Mode { NORMAL, SILENT, CLOSE_EARLY, GARBAGE }

    final ServerSocket server;
    final CopyOnWriteArrayList<Integer> clientPorts = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<String> problems = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.NORMAL;
    volatile String json = MinecraftPingTest.STATUS;
    private final Thread thread;

    MinecraftFixture() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("mc-fixture").start(this::serve);
    }

    int port() { return server.getLocalPort(); }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                clientPorts.add(s.getPort());
                s.setSoTimeout(3000);
                handle(s);
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private void handle(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        int hsLen = varInt(in);
        byte[] hs = in.readNBytes(hsLen);
        if (hs.length != hsLen || hs[0] != 0 || hs[hs.length - 1] != 1) problems.add("bad handshake " + Arrays.toString(hs));
        if (varInt(in) != 1 || in.read() != 0) problems.add("bad status request");
        OutputStream out = s.getOutputStream();
        switch (mode) {
            case SILENT -> in.read(); // wait for the client to give up
            case GARBAGE -> out.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
            case CLOSE_EARLY -> out.write(Arrays.copyOf(MinecraftPingTest.frame(0, json), 40));
            case NORMAL -> {
                byte[] f = MinecraftPingTest.frame(0, json);
                for (int i = 0; i < f.length; i += 50) {
                    out.write(f, i, Math.min(50, f.length - i));
                    out.flush();
                }
                in.read(); // the client closes
            }
        }
    }

    private static int varInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int i = 0; i < 5; i++) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) return v;
        }
        throw new IOException("VarInt too long");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.join(5000);
    }
}
