package netwarden.sources.ebpf;

import static netwarden.sources.ebpf.BpfLayout.CLASS_NON_IP;
import static netwarden.sources.ebpf.BpfLayout.CLASS_PORTLESS;
import static netwarden.sources.ebpf.BpfLayout.CLASS_TCP;
import static netwarden.sources.ebpf.BpfLayout.CLASS_UDP;
import static netwarden.sources.ebpf.BpfLayout.DIR_IN;
import static netwarden.sources.ebpf.BpfLayout.DIR_OUT;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import netwarden.model.Packet;
import netwarden.model.Proto;
import netwarden.model.Times;

/**
 * Turns one harvested second (exact per-port counters plus the flows that survived the LRU) into
 * engine aggregates.
 *
 * <p>Each flow becomes up to two aggregates in the engine's orientation: ingress as
 * {@code remote -> local:port} (source port unknown, -1), egress as {@code local:port -> remote}
 * (destination port -1); TCP SYN-only packets form their own aggregate (flags SYN) so the SYN rate
 * stays exact, the rest carries the second's other flags and "payload seen". Packets the flow map
 * lost to evictions are the difference between the port counters and the surviving flows; they
 * are charged to the service with the service's own address as source, which the engine counts in
 * the service's totals without inventing a source. Non-IP and port-less residues are passed on so
 * engine totals match the interface.
 */
final class SecondAccounting {
    /** Where aggregates go; false when it was full (the caller's ring counts that). */
    interface Out {
        boolean offer(Packet p, long packets, long bytes);
    }

    /** What one second held. */
    record Totals(long packets, long bytes, long flows, long residualPackets, long unattributedPackets) {}

    private final Out out;
    private final Packet p = new Packet();
    private final Map<Integer, long[]> ports = new HashMap<>();
    private final Map<Integer, long[]> flowSums = new HashMap<>();
    /** Last local address seen per port key, for residues of a second whose flows were all evicted. */
    private final Map<Integer, long[]> lastLocal = new HashMap<>();
    private long second;
    private long flows;

    SecondAccounting(Out out) {
        this.out = out;
    }

    void begin(long epochSecond) {
        second = epochSecond;
        ports.clear();
        flowSums.clear();
        flows = 0;
    }

    /** Adds one port-map entry (already summed over CPUs). */
    void port(int key, long packets, long bytes, long syn, long synBytes) {
        long[] c = ports.computeIfAbsent(key, k -> new long[4]);
        c[0] += packets;
        c[1] += bytes;
        c[2] += syn;
        c[3] += synBytes;
    }

    /** Emits one flow-map entry. */
    void flow(MemorySegment k, long ko, MemorySegment v, long vo) {
        int flags = k.get(java.lang.foreign.ValueLayout.JAVA_BYTE, ko + BpfLayout.FK_FLAGS) & 0xff;
        int proto = k.get(java.lang.foreign.ValueLayout.JAVA_BYTE, ko + BpfLayout.FK_PROTO) & 0xff;
        int localPort = k.get(BpfLayout.SHORT, ko + BpfLayout.FK_PORT) & 0xffff;
        boolean out = (flags & BpfLayout.FLAG_OUT) != 0;
        boolean hasPort = (flags & BpfLayout.FLAG_HAS_PORT) != 0;
        long remoteHi = BpfLayout.addrHi(k, ko + BpfLayout.FK_REMOTE), remoteLo = BpfLayout.addrLo(k, ko + BpfLayout.FK_REMOTE);
        long localHi = BpfLayout.addrHi(k, ko + BpfLayout.FK_LOCAL), localLo = BpfLayout.addrLo(k, ko + BpfLayout.FK_LOCAL);
        long packets = v.get(BpfLayout.LONG, vo + BpfLayout.FV_PACKETS);
        long bytes = v.get(BpfLayout.LONG, vo + BpfLayout.FV_BYTES);
        long syn = v.get(BpfLayout.LONG, vo + BpfLayout.FV_SYN);
        long synBytes = v.get(BpfLayout.LONG, vo + BpfLayout.FV_SYN_BYTES);
        long data = v.get(BpfLayout.LONG, vo + BpfLayout.FV_DATA);
        long last = v.get(BpfLayout.LONG, vo + BpfLayout.FV_LAST);
        int tcpFlags = v.get(BpfLayout.INT, vo + BpfLayout.FV_FLAGS) & 0xff;
        int cls = !hasPort ? CLASS_PORTLESS : proto == Proto.TCP ? CLASS_TCP : CLASS_UDP;
        int key = BpfLayout.portKey(out ? DIR_OUT : DIR_IN, cls, hasPort ? localPort : proto);
        flows++;

        long[] sum = flowSums.computeIfAbsent(key, x -> new long[7]);
        sum[0] += packets;
        sum[1] += bytes;
        sum[2] += syn;
        sum[3] += synBytes;
        if (packets > sum[4]) {
            sum[4] = packets;
            sum[5] = localHi;
            sum[6] = localLo;
        }

        p.reset();
        p.tsNanos = clampToSecond(last);
        p.ipVersion = (flags & BpfLayout.FLAG_IPV6) != 0 ? 6 : 4;
        p.proto = proto;
        int port = hasPort ? localPort : Packet.NO_PORT;
        if (out) {
            p.srcHi = localHi; p.srcLo = localLo; p.srcPort = port;
            p.dstHi = remoteHi; p.dstLo = remoteLo;
        } else {
            p.srcHi = remoteHi; p.srcLo = remoteLo;
            p.dstHi = localHi; p.dstLo = localLo; p.dstPort = port;
        }
        p.srcKnown = true;
        emitSplit(proto == Proto.TCP && hasPort, packets, bytes, syn, synBytes, tcpFlags, data > 0);
    }

    /** Emits SYN-only packets apart from the rest; for non-TCP one plain aggregate. */
    private void emitSplit(boolean tcp, long packets, long bytes, long syn, long synBytes, int tcpFlags, boolean data) {
        if (!tcp) {
            p.tcpFlags = -1;
            p.payloadLen = -1;
            if (packets > 0) out.offer(p, packets, bytes);
            return;
        }
        if (syn > 0) {
            p.tcpFlags = Packet.SYN;
            p.payloadLen = 0;
            out.offer(p, syn, synBytes);
        }
        long rest = packets - syn;
        if (rest > 0) {
            int f = tcpFlags;
            if ((f & Packet.ACK) == 0) f &= ~Packet.SYN; // the SYN-only part went above
            p.tcpFlags = f;
            p.payloadLen = data ? 1 : 0;
            out.offer(p, rest, bytes - synBytes);
        }
    }

    /** Emits what the flows did not cover; returns the second's totals. */
    Totals end() {
        long packets = 0, bytes = 0, residual = 0, unattributed = 0;
        for (Map.Entry<Integer, long[]> e : ports.entrySet()) {
            int key = e.getKey();
            long[] c = e.getValue();
            packets += c[0];
            bytes += c[1];
            long[] f = flowSums.get(key);
            if (f != null && f[4] > 0) lastLocal.put(key, new long[] {f[5], f[6]});
            long rp = c[0] - (f == null ? 0 : f[0]);
            if (rp <= 0) continue;
            long rb = Math.max(0, c[1] - (f == null ? 0 : f[1]));
            long rs = Math.max(0, Math.min(rp, c[2] - (f == null ? 0 : f[2])));
            long rsb = Math.max(0, Math.min(rb, c[3] - (f == null ? 0 : f[3])));
            if (emitResidual(key, rp, rb, rs, rsb)) residual += rp;
            else unattributed += rp;
        }
        return new Totals(packets, bytes, flows, residual, unattributed);
    }

    private boolean emitResidual(int key, long packets, long bytes, long syn, long synBytes) {
        int cls = BpfLayout.keyClass(key);
        p.reset();
        p.tsNanos = second * Times.NANOS_PER_SECOND + Times.NANOS_PER_SECOND - 1;
        if (cls == CLASS_NON_IP) {
            out.offer(p, packets, bytes);
            return true;
        }
        long[] local = lastLocal.get(key);
        if (local == null) {
            if (cls != CLASS_PORTLESS) return false;
            local = new long[] {0, 0};
        }
        p.srcHi = p.dstHi = local[0];
        p.srcLo = p.dstLo = local[1];
        p.ipVersion = netwarden.model.Ip.isV4(local[0], local[1]) ? 4 : 6;
        int port = BpfLayout.keyPort(key);
        if (cls == CLASS_PORTLESS) {
            p.proto = port;
            p.tcpFlags = -1;
            out.offer(p, packets, bytes);
            return true;
        }
        p.proto = cls == CLASS_TCP ? Proto.TCP : Proto.UDP;
        if (BpfLayout.keyDir(key) == DIR_OUT) p.srcPort = port;
        else p.dstPort = port;
        emitSplit(cls == CLASS_TCP, packets, bytes, syn, synBytes, Packet.ACK, false);
        return true;
    }

    private long clampToSecond(long ns) {
        long start = second * Times.NANOS_PER_SECOND;
        return Math.min(Math.max(ns, start), start + Times.NANOS_PER_SECOND - 1);
    }
}
