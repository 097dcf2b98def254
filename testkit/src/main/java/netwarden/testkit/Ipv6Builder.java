package netwarden.testkit;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ip;

/**
 * Builds an IPv6 packet with any chain of extension headers, in the order they are added, around a
 * payload. The Next Header fields are chained automatically; the Payload Length is correct unless
 * overridden.
 */
public final class Ipv6Builder {
    private record Extension(int type, byte[] bodyAfterNextHeader) {}

    private final byte[] src, dst;
    private final List<Extension> chain = new ArrayList<>();
    private int hopLimit = 64, payloadLengthOverride = -1;

    Ipv6Builder(String src, String dst) {
        this.src = v6(src);
        this.dst = v6(dst);
    }

    public Ipv6Builder hopLimit(int v) { hopLimit = v; return this; }

    /** Overrides the Payload Length field. */
    public Ipv6Builder payloadLength(int v) { payloadLengthOverride = v; return this; }

    /** Hop-by-Hop Options (0): 8 bytes holding one PadN option. */
    public Ipv6Builder hopByHop() { return options(Frames.HOP_BY_HOP); }

    /** Destination Options (60): 8 bytes holding one PadN option. */
    public Ipv6Builder destinationOptions() { return options(Frames.DEST_OPTIONS); }

    /** Routing header (43) of {@code routingType} listing one address, segments left 1 (24 bytes). */
    public Ipv6Builder routing(int routingType) {
        ByteWriter w = new ByteWriter().u8(2).u8(routingType).u8(1).u32(0).bytes(dst);
        return add(Frames.ROUTING, w.toByteArray());
    }

    /** Fragment header (44): offset in 8-byte units, more-fragments flag, identification. */
    public Ipv6Builder fragment(int offsetUnits, boolean more, int id) {
        ByteWriter w = new ByteWriter().u8(0).u16((offsetUnits << 3) | (more ? 1 : 0)).u32(id & 0xffff_ffffL);
        return add(Frames.FRAGMENT, w.toByteArray());
    }

    /** Authentication Header (51) with a 12-byte ICV: 24 bytes, its length field in 4-byte units minus 2. */
    public Ipv6Builder authHeader() {
        ByteWriter w = new ByteWriter().u8(4).u16(0).u32(0x1234).u32(1).zeros(12);
        return add(Frames.AUTH, w.toByteArray());
    }

    /** Any extension header: {@code bodyAfterNextHeader} starts with the length byte. */
    public Ipv6Builder add(int type, byte[] bodyAfterNextHeader) {
        chain.add(new Extension(type, bodyAfterNextHeader.clone()));
        return this;
    }

    private Ipv6Builder options(int type) {
        return add(type, new byte[] {0, 1, 4, 0, 0, 0, 0});
    }

    /** The packet: fixed header, extension chain, then {@code payload} with Next Header {@code nextHeader}. */
    public byte[] packet(int nextHeader, byte[] payload) {
        ByteWriter exts = new ByteWriter();
        for (int i = 0; i < chain.size(); i++) {
            int next = i + 1 < chain.size() ? chain.get(i + 1).type() : nextHeader;
            exts.u8(next).bytes(chain.get(i).bodyAfterNextHeader());
        }
        int first = chain.isEmpty() ? nextHeader : chain.getFirst().type();
        int plen = payloadLengthOverride >= 0 ? payloadLengthOverride : exts.size() + payload.length;
        return new ByteWriter().u32(0x6000_0000L).u16(plen).u8(first).u8(hopLimit).bytes(src).bytes(dst)
                .bytes(exts.toByteArray()).bytes(payload).toByteArray();
    }

    static byte[] v6(String text) {
        Ip ip = Ip.parse(text);
        if (ip.isV4()) throw new IllegalArgumentException("not an IPv6 address: " + text);
        return ip.bytes();
    }
}
