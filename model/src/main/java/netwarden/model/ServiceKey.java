package netwarden.model;

import java.util.Objects;

/** A service: the destination address, IP protocol and port that clients send to. */
public record ServiceKey(Ip address, int proto, int port) {
    public ServiceKey {
        Objects.requireNonNull(address, "address");
        if (proto < 0 || proto > 255) throw new IllegalArgumentException("proto must be 0..255: " + proto);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535: " + port);
    }

    /** Stable identifier usable in URLs and labels: {@code 10.0.0.1-udp-27960}. */
    public String id() {
        return address + "-" + Proto.name(proto) + "-" + port;
    }

    @Override
    public String toString() {
        return Proto.name(proto) + " " + (address.isV4() ? address.toString() : "[" + address + "]") + ":" + port;
    }
}
