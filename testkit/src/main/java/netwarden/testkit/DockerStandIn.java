package netwarden.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Docker Engine API stand-in on a unix socket: HTTP/1.1 as dockerd writes it (GET /_ping with
 * API-Version, /containers/json, /containers/{id}/json, and the chunked /events stream, one JSON object
 * and a newline per event), with response shapes from the Engine API reference (v1.47).
 */
public final class DockerStandIn implements AutoCloseable {
    public record Box(String id, String name, String hostname, Map<String, String> labels, List<String> env, Map<String, String> ports) {}

    public final Path socket;
    public final Map<String, Box> running = new ConcurrentHashMap<>();
    public final CopyOnWriteArrayList<String> requests = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<BlockingQueue<String>> subscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<SocketChannel> open = new CopyOnWriteArrayList<>();
    public volatile String apiVersion = "1.45";
    public volatile boolean chunkedLists = true;
    private volatile ServerSocketChannel server;
    private Thread acceptor;

    public DockerStandIn(Path socket) {
        this.socket = socket;
    }

    public void up() throws IOException {
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        ServerSocketChannel s = server;
        acceptor = Thread.ofPlatform().daemon().name("docker-standin").start(() -> {
            while (s.isOpen()) {
                try {
                    SocketChannel c = s.accept();
                    open.add(c);
                    Thread.ofPlatform().daemon().start(() -> serve(c));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** The daemon goes away: socket file removed, every connection cut. */
    public void down() throws IOException, InterruptedException {
        server.close();
        for (SocketChannel c : open) c.close();
        open.clear();
        subscribers.clear();
        acceptor.join(2000);
        Files.deleteIfExists(socket);
    }

    public void start(Box b) {
        running.put(b.id(), b);
        publish(b, "start");
    }

    public void stop(String id) {
        Box b = running.remove(id);
        publish(b, "kill");
        publish(b, "die");
        publish(b, "stop");
    }

    private void publish(Box b, String action) {
        String json = "{\"status\":\"" + action + "\",\"id\":\"" + b.id() + "\",\"from\":\"img\",\"Type\":\"container\",\"Action\":\""
                + action + "\",\"Actor\":{\"ID\":\"" + b.id() + "\",\"Attributes\":{\"image\":\"img\",\"name\":\"" + b.name()
                + "\"}},\"scope\":\"local\",\"time\":1765140000,\"timeNano\":1765140000000000000}\n";
        for (BlockingQueue<String> q : subscribers) q.add(json);
    }

    public boolean hasSubscriber() { return !subscribers.isEmpty(); }

    private void serve(SocketChannel c) {
        try (c; InputStream in = Channels.newInputStream(c); OutputStream out = Channels.newOutputStream(c)) {
            String head = readHead(in);
            String target = head.split(" ")[1];
            requests.add(target);
            String path = target.replaceFirst("^/v1\\.\\d+", "");
            String query = path.contains("?") ? URLDecoder.decode(path.substring(path.indexOf('?') + 1), StandardCharsets.UTF_8) : "";
            path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            if (path.equals("/_ping")) {
                out.write(("HTTP/1.1 200 OK\r\nApi-Version: " + apiVersion + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/27.3.1 (linux)\r\nContent-Length: 2\r\n\r\nOK")
                        .getBytes(StandardCharsets.ISO_8859_1));
            } else if (path.equals("/containers/json")) {
                StringBuilder b = new StringBuilder("[");
                for (Box box : running.values()) {
                    if (!labelsMatch(box, query)) continue;
                    if (b.length() > 1) b.append(',');
                    b.append("{\"Id\":\"").append(box.id()).append("\",\"Names\":[\"/").append(box.name())
                            .append("\"],\"Image\":\"img\",\"State\":\"running\",\"Status\":\"Up 2 minutes\",\"Ports\":[]}");
                }
                json(out, 200, b.append("]").toString());
            } else if (path.startsWith("/containers/") && path.endsWith("/json")) {
                Box box = running.get(path.substring(12, path.length() - 5));
                if (box == null) json(out, 404, "{\"message\":\"No such container: " + path.substring(12, path.length() - 5) + "\"}");
                else json(out, 200, inspect(box));
            } else if (path.equals("/events")) {
                events(out, query);
            } else {
                json(out, 404, "{\"message\":\"page not found\"}");
            }
        } catch (IOException | InterruptedException e) {
            // the client or down() closed the connection
        }
    }

    /** The Engine API's label filter: every {@code KEY} or {@code KEY=VALUE} must be on the container. */
    private static boolean labelsMatch(Box box, String query) throws IOException {
        if (!query.startsWith("filters=")) return true;
        for (var l : new com.fasterxml.jackson.databind.ObjectMapper().readTree(query.substring(8)).path("label")) {
            String[] kv = l.asText().split("=", 2);
            String v = box.labels().get(kv[0]);
            if (v == null || (kv.length == 2 && !v.equals(kv[1]))) return false;
        }
        return true;
    }

    private void events(OutputStream out, String query) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nApi-Version: " + apiVersion + "\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\n"
                + "Ostype: linux\r\nServer: Docker/27.3.1 (linux)\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (!query.contains("\"type\":[\"container\"]")) throw new IOException("events requested without the container filter: " + query);
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        subscribers.add(q);
        try {
            while (server.isOpen()) {
                String e = q.poll(100, TimeUnit.MILLISECONDS);
                if (e == null) continue;
                byte[] b = e.getBytes(StandardCharsets.UTF_8);
                int half = b.length / 2; // one event in two chunks: framing and JSON lines are separate layers
                chunk(out, b, 0, half);
                chunk(out, b, half, b.length - half);
            }
        } finally {
            subscribers.remove(q);
        }
    }

    private static void chunk(OutputStream out, byte[] b, int off, int len) throws IOException {
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b, off, len);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void json(OutputStream out, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String reason = status == 200 ? "OK" : "Not Found";
        String common = "HTTP/1.1 " + status + " " + reason + "\r\nApi-Version: " + apiVersion + "\r\nContent-Type: application/json\r\n"
                + "Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/27.3.1 (linux)\r\n";
        if (chunkedLists && b.length > 40) {
            out.write((common + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunk(out, b, 0, 40);
            chunk(out, b, 40, b.length - 40);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.write((common + "Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
        }
        out.flush();
    }

    public static String inspect(Box b) {
        StringBuilder labels = new StringBuilder("{");
        b.labels().forEach((k, v) -> labels.append(labels.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        labels.append('}');
        StringBuilder env = new StringBuilder("[");
        b.env().forEach(e -> env.append(env.length() > 1 ? "," : "").append('"').append(e).append('"'));
        StringBuilder ports = new StringBuilder("{");
        b.ports().forEach((containerPort, hostPort) -> ports.append(ports.length() > 1 ? "," : "").append('"').append(containerPort)
                .append("\":").append(hostPort == null ? "null" : "[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"" + hostPort
                        + "\"},{\"HostIp\":\"::\",\"HostPort\":\"" + hostPort + "\"}]"));
        ports.append('}');
        return "{\"Id\":\"" + b.id() + "\",\"Created\":\"2026-12-07T20:00:00.000000000Z\",\"Path\":\"/entrypoint.sh\",\"Args\":[],"
                + "\"State\":{\"Status\":\"running\",\"Running\":true,\"Paused\":false,\"Restarting\":false,\"OOMKilled\":false,"
                + "\"Dead\":false,\"Pid\":4242,\"ExitCode\":0,\"Error\":\"\",\"StartedAt\":\"2026-12-07T20:00:01Z\"},"
                + "\"Image\":\"sha256:0123\",\"Name\":\"/" + b.name() + "\",\"RestartCount\":0,\"Driver\":\"overlay2\","
                + "\"HostConfig\":{\"NetworkMode\":\"bridge\"},"
                + "\"Config\":{\"Hostname\":\"" + b.hostname() + "\",\"Domainname\":\"\",\"User\":\"\",\"Env\":" + env + "],"
                + "\"Cmd\":[\"./srcds_run\"],\"Image\":\"img\",\"Labels\":" + labels + "},"
                + "\"NetworkSettings\":{\"Bridge\":\"\",\"IPAddress\":\"172.17.0.2\",\"Ports\":" + ports + "}}";
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) return b.toString();
        }
        throw new IOException("client closed before the request head ended");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null && server.isOpen()) down();
    }
}
