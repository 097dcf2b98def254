package netwarden.decode.flow;

import netwarden.model.Ip;

/**
 * NetFlow v5: a 24-byte header and {@code count} fixed 48-byte records (Cisco's format). The
 * header's sampling field (2-bit mode, 14-bit interval) gives the rate; an interval of 0 leaves the
 * rate unknown unless an override applies. A count of 0 or above 30, or records beyond the
 * datagram, are damage.
 */
final class NetflowV5 {
    static final int HEADER = 24, RECORD = 48, MAX_COUNT = 30;

    private NetflowV5() {}

    static void decode(Wire w, Ip exporter, Sampling sampling, Tally t) throws FlowDecodeException {
        w.need(0, HEADER, "v5 header");
        int count = w.u16(2);
        if (count == 0 || count > MAX_COUNT) throw w.error(2, "record count " + count + " is not 1.." + MAX_COUNT);
        w.need(HEADER, (long) count * RECORD, count + " v5 records");
        long uptime = w.u32(4), unixMillis = w.u32(8) * 1000;
        long domain = (w.u8(20) << 8) | w.u8(21);
        long rate = sampling.resolve(exporter, 5, domain, Sampling.NO_SAMPLER, w.u16(22) & 0x3fff);
        t.domain = domain;
        FlowFields f = new FlowFields();
        for (int i = 0; i < count; i++) {
            long at = HEADER + (long) i * RECORD;
            f.clear();
            f.src = w.ipv4(at);
            f.dst = w.ipv4(at + 4);
            f.nextHop = w.ipv4(at + 8);
            f.inIf = w.u16(at + 12);
            f.outIf = w.u16(at + 14);
            f.packets = w.u32(at + 16);
            f.bytes = w.u32(at + 20);
            f.startMillis = unixMillis - (int) (uptime - w.u32(at + 24)); // the uptime counter wraps: signed 32-bit difference
            f.endMillis = unixMillis - (int) (uptime - w.u32(at + 28));
            f.srcPort = w.u16(at + 32);
            f.dstPort = w.u16(at + 34);
            f.tcpFlags = w.u8(at + 37);
            f.proto = w.u8(at + 38);
            f.srcAs = w.u16(at + 40);
            f.dstAs = w.u16(at + 42);
            f.srcMask = w.u8(at + 44);
            f.dstMask = w.u8(at + 45);
            f.routing = true;
            t.add(f.toRecord(FlowProtocol.NETFLOW5, exporter, domain, -1, rate), false);
            t.dataRecords++;
        }
    }
}
