package netwarden.sources.collect;

import java.net.InetSocketAddress;
import java.util.Objects;
import netwarden.model.Ip;

/**
 * One UDP port to collect on: {@code netflow=0.0.0.0:2055}, {@code sflow=[::]:6343}.
 *
 * @param address a literal address (never a host name: no DNS at start) and a port 1..65535
 */
public record CollectListener(CollectKind kind, InetSocketAddress address) {
    public CollectListener {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) throw new IllegalArgumentException("collector address must be an IP literal: " + address.getHostString());
        // port 0 (any free port) is for tests; parse() refuses it
    }

    /** Parses {@code KIND=ADDR:PORT} ({@code [v6]:PORT} for IPv6). */
    public static CollectListener parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("collector must be netflow=ADDR:PORT or sflow=ADDR:PORT: '" + text + "'");
        CollectKind kind = CollectKind.parse(text.substring(0, eq));
        return new CollectListener(kind, address(text.substring(eq + 1).trim()));
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("collector address must be ADDR:PORT: '" + hostPort + "'");
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("collector port is not a number: '" + hostPort + "'");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("collector port must be 1..65535 (0: any free port): " + port);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.indexOf(':') >= 0) throw new IllegalArgumentException("an IPv6 collector address needs brackets: [" + host + "]:" + port);
        return new InetSocketAddress(Ip.parse(host).toInetAddress(), port);
    }

    /** As written: {@code netflow=127.0.0.1:2055}. */
    @Override
    public String toString() {
        String host = Ip.of(address.getAddress().getAddress()).toString();
        return kind.key() + "=" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The metric label: {@code 127.0.0.1:2055}. */
    public String label() {
        return toString().substring(kind.key().length() + 1);
    }
}
