package netwarden.model.ingest;

import java.util.Objects;
import netwarden.model.Ip;

/**
 * One flow record as a collector (NetFlow v5/v9, IPFIX, sFlow) reports it, normalised: addresses as
 * {@link Ip}, times as epoch nanoseconds, counts as sampled (the engine multiplies by
 * {@code samplingRate}). Byte counts are IP-layer bytes as the exporters count them.
 *
 * @param exporter     the router or probe that sent the record
 * @param srcPort      -1 when the protocol has no ports or the exporter did not say
 * @param dstPort      -1 as for {@code srcPort}
 * @param proto        IP protocol number
 * @param bytes        IP bytes counted by the exporter (before sampling correction)
 * @param packets      packets counted by the exporter (before sampling correction)
 * @param samplingRate one in how many packets was sampled; 1 when unsampled
 * @param startNanos   first packet of the flow
 * @param endNanos     last packet of the flow, not before {@code startNanos}
 * @param tcpFlags     OR of the TCP flags seen, -1 when not TCP or unknown
 * @param inIf         SNMP index of the input interface, -1 when unknown
 * @param outIf        SNMP index of the output interface, -1 when unknown
 */
public record FlowRecord(Ip exporter, Ip src, Ip dst, int srcPort, int dstPort, int proto, long bytes, long packets,
                         long samplingRate, long startNanos, long endNanos, int tcpFlags, int inIf, int outIf) {
    public FlowRecord {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        if (src.isV4() != dst.isV4()) throw new IllegalArgumentException("source and destination must be one family: " + src + " " + dst);
        port("srcPort", srcPort);
        port("dstPort", dstPort);
        if (proto < 0 || proto > 255) throw new IllegalArgumentException("proto must be 0..255: " + proto);
        if (bytes < 0) throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        if (packets < 0) throw new IllegalArgumentException("packets must not be negative: " + packets);
        if (samplingRate < 1) throw new IllegalArgumentException("samplingRate must be at least 1: " + samplingRate);
        if (startNanos < 0) throw new IllegalArgumentException("startNanos must not be negative: " + startNanos);
        if (endNanos < startNanos) throw new IllegalArgumentException("endNanos must not be before startNanos: " + endNanos + " < " + startNanos);
        if (tcpFlags < -1 || tcpFlags > 0xff) throw new IllegalArgumentException("tcpFlags must be -1..255: " + tcpFlags);
    }

    private static void port(String name, int port) {
        if (port < -1 || port > 65535) throw new IllegalArgumentException(name + " must be -1..65535: " + port);
    }

    /** Packets the record stands for: {@code packets × samplingRate}, saturating. */
    public long scaledPackets() {
        return scale(packets, samplingRate);
    }

    /** Bytes the record stands for: {@code bytes × samplingRate}, saturating. */
    public long scaledBytes() {
        return scale(bytes, samplingRate);
    }

    private static long scale(long count, long rate) {
        long hi = Math.multiplyHigh(count, rate), lo = count * rate;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
