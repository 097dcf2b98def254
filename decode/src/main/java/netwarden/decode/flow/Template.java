package netwarden.decode.flow;

import java.util.List;

/**
 * A NetFlow v9 or IPFIX (options) template: its fields in record order. Immutable.
 *
 * @param scopeCount the leading scope fields of an options template (0 for a data template); in
 *     v9 their ids are scope types (1 system, 2 interface, ...), in IPFIX ordinary element ids
 */
public record Template(int id, boolean options, int scopeCount, List<Field> fields) {
    /** IPFIX variable-length marker (RFC 7011 section 7). */
    public static final int VARIABLE = 65535;

    public Template {
        fields = List.copyOf(fields);
        if (id < 256 || id > 65535) throw new IllegalArgumentException("template id must be 256..65535: " + id);
        if (scopeCount < 0 || scopeCount > fields.size()) {
            throw new IllegalArgumentException("scope count must be 0.." + fields.size() + ": " + scopeCount);
        }
    }

    /**
     * One field specifier. IPFIX ids are 15 bits (the enterprise bit removed); v9 ids are 16 bits,
     * those above 32767 being vendor-private (Cisco NSEL).
     *
     * @param pen private enterprise number, 0 for IANA elements
     * @param length bytes, or {@link #VARIABLE}
     */
    public record Field(int id, int length, long pen) {
        public Field {
            if (id < 0 || id > 65535) throw new IllegalArgumentException("element id must be 0..65535: " + id);
            if (length < 0 || length > 65535) throw new IllegalArgumentException("field length must be 0..65535: " + length);
        }
    }

    /** The smallest encoded record: fixed lengths plus one byte per variable-length field. */
    public int minLength() {
        int n = 0;
        for (Field f : fields) n += f.length == VARIABLE ? 1 : f.length;
        return n;
    }
}
