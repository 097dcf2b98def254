package netwarden.engine;

import netwarden.engine.detect.AmplificationPorts;
import netwarden.model.Packet;
import netwarden.model.Proto;

/**
 * Which packets show that a client uses an endpoint, for discovery. A random-port spray must not
 * create services: answers reflected from an amplification port (UDP from 53, 161, 11211 …) are
 * not clients, nor is TCP without payload (a SYN scan, SYN-ACK/RST backscatter) unless the port
 * answered SYN-ACK (it accepts connections); a TCP client sends data. Everything else counts.
 */
final class DiscoveryEvidence {
    private DiscoveryEvidence() {}

    /** @param accepts the endpoint has answered a SYN with SYN-ACK */
    static boolean isClient(Packet p, boolean accepts) {
        if (p.proto == Proto.UDP) return p.srcPort < 0 || AmplificationPorts.index(p.srcPort) == 0;
        if (p.proto == Proto.TCP) return (p.payloadLen > 0 || (accepts && p.synOnly())) && (p.tcpFlags < 0 || (p.tcpFlags & Packet.RST) == 0);
        return true;
    }

    /** A packet from the endpoint that shows it accepts TCP connections. */
    static boolean accepts(Packet p) {
        return p.proto == Proto.TCP && p.tcpFlags >= 0 && (p.tcpFlags & (Packet.SYN | Packet.ACK)) == (Packet.SYN | Packet.ACK);
    }
}
