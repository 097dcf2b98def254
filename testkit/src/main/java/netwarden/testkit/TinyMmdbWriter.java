package netwarden.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small MaxMind DB (format 2.0, IPv6 tree, 24-bit records) so tests can check the reader
 * path without the real database. IPv4 networks go under ::/96, where MaxMind readers look IPv4 up.
 * Data values may be strings, maps of them, or Integer (uint32).
 */
public final class TinyMmdbWriter {
    private static final class Node {
        Node[] child = new Node[2];
        Integer data; // offset into the data section, for a leaf
    }

    private final Node root = new Node();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final String databaseType;

    public TinyMmdbWriter(String databaseType) {
        this.databaseType = databaseType;
    }

    /** Maps {@code cidr} (e.g. "1.1.1.0/24" or "2606:4700::/32") to {@code record}. */
    public TinyMmdbWriter insert(String cidr, Map<String, ?> record) throws IOException {
        String[] parts = cidr.split("/");
        byte[] addr = InetAddress.getByName(parts[0]).getAddress();
        int prefix = Integer.parseInt(parts[1]);
        if (addr.length == 4) {
            byte[] v6 = new byte[16];
            System.arraycopy(addr, 0, v6, 12, 4);
            addr = v6;
            prefix += 96;
        }
        int offset = data.size();
        encode(record, data);
        Node n = root;
        for (int bit = 0; bit < prefix; bit++) {
            int b = (addr[bit / 8] >> (7 - bit % 8)) & 1;
            if (n.child[b] == null) n.child[b] = new Node();
            n = n.child[b];
        }
        n.data = offset;
        return this;
    }

    public void write(Path file) throws IOException {
        List<Node> order = new ArrayList<>();
        number(root, order);
        int nodeCount = order.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Node, Integer> ids = new java.util.IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) ids.put(order.get(i), i);
        for (Node n : order) {
            for (int side = 0; side < 2; side++) {
                Node c = n.child[side];
                long rec = c == null ? nodeCount : c.data != null ? nodeCount + 16L + c.data : ids.get(c);
                out.write((int) (rec >> 16));
                out.write((int) (rec >> 8));
                out.write((int) rec);
            }
        }
        out.write(new byte[16]);
        out.write(data.toByteArray());
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("node_count", nodeCount);
        meta.put("record_size", (short) 24);
        meta.put("ip_version", (short) 6);
        meta.put("database_type", databaseType);
        meta.put("languages", List.of());
        meta.put("binary_format_major_version", (short) 2);
        meta.put("binary_format_minor_version", (short) 0);
        meta.put("build_epoch", 1_700_000_000L);
        meta.put("description", Map.of("en", "netwarden test database"));
        encode(meta, out);
        Files.write(file, out.toByteArray());
    }

    /** Internal nodes in breadth-first order; leaves (data) are not nodes. */
    private static void number(Node root, List<Node> order) {
        java.util.ArrayDeque<Node> q = new java.util.ArrayDeque<>(List.of(root));
        while (!q.isEmpty()) {
            Node n = q.poll();
            order.add(n);
            for (Node c : n.child) if (c != null && c.data == null) q.add(c);
        }
    }

    private static void encode(Object v, ByteArrayOutputStream out) {
        switch (v) {
            case String s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                control(2, b.length, out);
                out.writeBytes(b);
            }
            case Map<?, ?> m -> {
                control(7, m.size(), out);
                m.forEach((k, val) -> {
                    encode((String) k, out);
                    encode(val, out);
                });
            }
            case List<?> l -> {
                extended(11, l.size(), out);
                l.forEach(x -> encode(x, out));
            }
            case Short s -> unsigned(5, s & 0xffff, out);
            case Integer i -> unsigned(6, i & 0xffff_ffffL, out);
            case Long l -> {
                byte[] b = minimal(l);
                extended(9, b.length, out);
                out.writeBytes(b);
            }
            default -> throw new IllegalArgumentException("unsupported value " + v);
        }
    }

    private static void unsigned(int type, long value, ByteArrayOutputStream out) {
        byte[] b = minimal(value);
        control(type, b.length, out);
        out.writeBytes(b);
    }

    private static byte[] minimal(long value) {
        int n = 0;
        for (long x = value; x != 0; x >>>= 8) n++;
        byte[] b = new byte[n];
        for (int i = n - 1; i >= 0; i--, value >>>= 8) b[i] = (byte) value;
        return b;
    }

    private static void control(int type, int size, ByteArrayOutputStream out) {
        if (size >= 29) throw new IllegalArgumentException("test writer supports sizes < 29: " + size);
        out.write((type << 5) | size);
    }

    private static void extended(int type, int size, ByteArrayOutputStream out) {
        if (size >= 29) throw new IllegalArgumentException("test writer supports sizes < 29: " + size);
        out.write(size);
        out.write(type - 7);
    }
}
