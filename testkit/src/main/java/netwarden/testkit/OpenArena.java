package netwarden.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real OpenArena dedicated server from Debian (package openarena-server) for tests: start it on
 * 127.0.0.1 with bots, and ask it {@code getstatus} directly, so a test can compare what netwarden
 * reports with what the server itself says.
 */
public final class OpenArena {
    public static final Path SERVER = Path.of("/usr/games/openarena-server");
    private static final Pattern PLAYER = Pattern.compile("(?m)^-?\\d+ \\d+ \"(.*)\"$");

    private OpenArena() {}

    /** True when the server and the ioquake3 engine it runs are installed. */
    public static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(Path.of("/usr/lib/ioquake3/ioq3ded"));
    }

    /** Starts a server on 127.0.0.1:{@code port} with {@code bots} bots, its home and console in {@code home}. */
    public static Process start(Path home, int port, String hostname, int bots) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(SERVER.toString(), "+set", "dedicated", "1", "+set", "net_ip", "127.0.0.1",
                "+set", "net_port", Integer.toString(port), "+set", "sv_hostname", hostname,
                "+set", "sv_maxclients", "8", "+set", "bot_minplayers", Integer.toString(bots), "+map", "oa_dm1")
                .redirectErrorStream(true).redirectOutput(console(home).toFile());
        pb.environment().put("HOME", home.toString());
        return pb.start();
    }

    /** Waits (bounded by {@code timeoutMillis}) until the server on 127.0.0.1:{@code port} answers {@code getstatus}. */
    public static boolean awaitAnswer(int port, long timeoutMillis) throws IOException, InterruptedException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < until) {
            if (status(port) != null) return true;
            Thread.sleep(200);
        }
        return false;
    }

    /** Kills a server started by {@link #start} and waits for it to be gone; null or already gone is fine. */
    public static void stop(Process server) throws InterruptedException {
        if (server == null || !server.isAlive()) return;
        server.destroyForcibly();
        server.waitFor();
    }

    /** Where {@link #start} writes the server's console. */
    public static Path console(Path home) {
        return home.resolve("console.txt");
    }

    /** The player names the server's own {@code getstatus} lists (colour codes removed); empty without an answer. */
    public static List<String> playerNames(int port) throws IOException {
        String status = status(port);
        if (status == null) return List.of();
        Matcher m = PLAYER.matcher(status);
        var names = new ArrayList<String>();
        while (m.find()) names.add(m.group(1).replaceAll("\\^[^^]", ""));
        return names;
    }

    /** The server's {@code getstatus} answer as text, or null when none came within a second. */
    private static String status(int port) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(1000);
            byte[] req = "\u00ff\u00ff\u00ff\u00ffgetstatus".getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(req, req.length, InetAddress.getLoopbackAddress(), port));
            byte[] buf = new byte[65535];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException | PortUnreachableException e) {
                return null;
            }
            return new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A UDP port on the loopback address that was free a moment ago. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
