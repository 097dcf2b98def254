package netwarden.decode.flow;

import java.util.Arrays;
import java.util.HexFormat;

/** An enterprise-specific IPFIX field kept as exported: private enterprise number, element id, raw value. */
public record EnterpriseField(long pen, int id, byte[] value) {
    public EnterpriseField {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnterpriseField e && e.pen == pen && e.id == id && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(pen) * 31 * 31 + id * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return pen + "/" + id + "=" + HexFormat.of().formatHex(value);
    }
}
