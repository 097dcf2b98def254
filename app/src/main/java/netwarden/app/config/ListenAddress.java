package netwarden.app.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import netwarden.model.Ip;

/**
 * Where the HTTP server listens: an IP literal (or {@code localhost}) and a port. Port 0 asks the
 * system for a free port (tests use it). Written {@code 127.0.0.1:9420} or {@code [::1]:9420}.
 */
public record ListenAddress(String host, int port) {
    public static final int DEFAULT_PORT = 9420;

    public ListenAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("listen host must not be empty");
        if (!host.equals("localhost")) Ip.parse(host); // throws, naming the text, for anything but a literal
        if (port < 0 || port > 65535) throw new IllegalArgumentException("listen port must be 0..65535: " + port);
    }

    public static ListenAddress defaults() {
        return new ListenAddress("127.0.0.1", DEFAULT_PORT);
    }

    /** Parses {@code HOST:PORT}, {@code [V6]:PORT} or {@code :PORT} (meaning 127.0.0.1). */
    public static ListenAddress parse(String text) {
        String s = text == null ? "" : text.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0 || (s.indexOf(':') != colon && !s.startsWith("[")))
            throw new IllegalArgumentException("listen address must be HOST:PORT (IPv6 as [ADDR]:PORT): '" + s + "'");
        String host = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) host = "127.0.0.1";
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen port is not a number: '" + s + "'");
        }
        try {
            return new ListenAddress(host, p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad listen address '" + s + "': " + e.getMessage());
        }
    }

    /** True for {@code localhost} and addresses in 127.0.0.0/8 or ::1: reachable from this host only. */
    public boolean loopback() {
        return host.equals("localhost") || InetAddress.ofLiteral(host).isLoopbackAddress();
    }

    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
