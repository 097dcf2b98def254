package netwarden.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Builds NetFlow v5, NetFlow v9, IPFIX and sFlow v5 datagrams field by field, for decoder tests:
 * each builder writes exactly the documented wire layout and fills in counts and lengths at the end.
 */
public final class FlowExports {
    private FlowExports() {}

    /** A template field specifier; {@code pen} 0 for IANA elements. */
    public record Field(int id, int length, long pen) {
        public static Field of(int id, int length) {
            return new Field(id, length, 0);
        }
    }

    /** One NetFlow v5 record's interesting fields; the rest are zero. */
    public record V5Record(String src, String dst, int srcPort, int dstPort, int proto, long packets, long bytes, int inIf,
            int outIf, int tcpFlags, long first, long last) {}

    /** NetFlow v5: header (uptime 10 000 ms at unix time 1 700 000 000) then 48-byte records. */
    public static byte[] v5(int samplingField, V5Record... records) {
        ByteWriter w = new ByteWriter().u16(5).u16(records.length).u32(10_000).u32(1_700_000_000L).u32(0).u32(7)
                .u8(1).u8(2).u16(samplingField);
        for (V5Record r : records) {
            w.bytes(ip(r.src())).bytes(ip(r.dst())).bytes(ip("192.0.2.254")).u16(r.inIf()).u16(r.outIf()).u32(r.packets())
                    .u32(r.bytes()).u32(r.first()).u32(r.last()).u16(r.srcPort()).u16(r.dstPort()).u8(0).u8(r.tcpFlags())
                    .u8(r.proto()).u8(0).u16(64_500).u16(64_501).u8(24).u8(16).u16(0);
        }
        return w.toByteArray();
    }

    public static Message v9(long sourceId) {
        return new Message(false, sourceId);
    }

    public static Message ipfix(long domain) {
        return new Message(true, domain);
    }

    /** A v9 or IPFIX message: sets appended in order, header written by {@link #toByteArray}. */
    public static final class Message {
        private final boolean ipfix;
        private final long domain;
        private final ByteWriter sets = new ByteWriter();
        private int records;

        private Message(boolean ipfix, long domain) {
            this.ipfix = ipfix;
            this.domain = domain;
        }

        /** A set with its id and the 4-byte set header; the body is padded to 4 bytes. */
        public Message set(int id, byte[] body) {
            int padded = (body.length + 3) / 4 * 4;
            sets.u16(id).u16(4 + padded).bytes(body).zeros(padded - body.length);
            return this;
        }

        public Message template(int id, Field... fields) {
            records++;
            return set(ipfix ? 2 : 0, templateRecord(id, -1, fields));
        }

        /** An options template whose first {@code scopes} fields are scope fields. */
        public Message optionsTemplate(int id, int scopes, Field... fields) {
            records++;
            if (ipfix) return set(3, templateRecord(id, scopes, fields));
            ByteWriter w = new ByteWriter().u16(id).u16(4 * scopes).u16(4 * (fields.length - scopes));
            for (Field f : fields) w.u16(f.id()).u16(f.length());
            return set(1, w.toByteArray());
        }

        /** IPFIX template withdrawal (field count 0). */
        public Message withdraw(int id, boolean options) {
            return set(options ? 3 : 2, new ByteWriter().u16(id).u16(0).toByteArray());
        }

        public Message data(int templateId, int count, byte[] body) {
            records += count;
            return set(templateId, body);
        }

        private byte[] templateRecord(int id, int scopes, Field... fields) {
            ByteWriter w = new ByteWriter().u16(id).u16(fields.length);
            if (scopes >= 0) w.u16(scopes);
            for (Field f : fields) {
                if (f.pen() != 0) w.u16(f.id() | 0x8000).u16(f.length()).u32(f.pen());
                else w.u16(f.id()).u16(f.length());
            }
            return w.toByteArray();
        }

        public byte[] toByteArray() {
            byte[] body = sets.toByteArray();
            ByteWriter w = new ByteWriter();
            if (ipfix) {
                w.u16(10).u16(16 + body.length).u32(1_700_000_000L).u32(1).u32(domain);
            } else {
                w.u16(9).u16(records).u32(10_000).u32(1_700_000_000L).u32(1).u32(domain);
            }
            return w.bytes(body).toByteArray();
        }
    }

    public static Sflow sflow(String agent, long subAgent) {
        return new Sflow(agent, subAgent);
    }

    /** An sFlow v5 datagram of flow samples (sampled Ethernet headers) and generic counter samples. */
    public static final class Sflow {
        private final byte[] agent;
        private final long subAgent;
        private final ByteWriter samples = new ByteWriter();
        private int count;

        private Sflow(String agent, long subAgent) {
            this.agent = ip(agent);
            this.subAgent = subAgent;
        }

        /** A flow sample (format 1) with a sampled header record and an extended switch record. */
        public Sflow flowSample(long rate, int inIf, int outIf, byte[] frame, int frameLength, int srcVlan) {
            int padded = (frame.length + 3) / 4 * 4;
            ByteWriter r = new ByteWriter().u32(1).u32(16 + padded).u32(1).u32(frameLength).u32(4).u32(frame.length)
                    .bytes(frame).zeros(padded - frame.length)
                    .u32(1001).u32(16).u32(srcVlan).u32(0).u32(srcVlan).u32(0);
            byte[] records = r.toByteArray();
            ByteWriter s = new ByteWriter().u32(++count).u32(inIf).u32(rate).u32(rate * 10).u32(0).u32(inIf).u32(outIf).u32(2)
                    .bytes(records);
            byte[] body = s.toByteArray();
            samples.u32(1).u32(body.length).bytes(body);
            return this;
        }

        /** A counter sample (format 2) with one generic interface counters record. */
        public Sflow counterSample(int ifIndex, long inOctets, long outOctets) {
            ByteWriter c = new ByteWriter().u32(ifIndex).u32(6).u64(10_000_000_000L).u32(1).u32(3).u64(inOctets)
                    .u32(1).u32(2).u32(3).u32(4).u32(5).u32(6).u64(outOctets).u32(7).u32(8).u32(9).u32(10).u32(11).u32(0);
            byte[] rec = c.toByteArray();
            ByteWriter s = new ByteWriter().u32(++count).u32(ifIndex).u32(1).u32(1).u32(rec.length).bytes(rec);
            byte[] body = s.toByteArray();
            samples.u32(2).u32(body.length).bytes(body);
            return this;
        }

        public byte[] toByteArray() {
            ByteWriter w = new ByteWriter().u32(5).u32(agent.length == 4 ? 1 : 2).bytes(agent).u32(subAgent).u32(1).u32(60_000)
                    .u32(count);
            return w.bytes(samples.toByteArray()).toByteArray();
        }
    }

    /** An Ethernet/IPv4/UDP frame carrying {@code payload}, as a capture of an export holds it. */
    public static byte[] udpFrame(String src, String dst, int srcPort, int dstPort, byte[] payload) {
        return Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4(src, dst).packet(Frames.UDP, Frames.udp(srcPort, dstPort, payload)));
    }

    static byte[] ip(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
