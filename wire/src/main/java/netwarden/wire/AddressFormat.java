package netwarden.wire;

import netwarden.model.Ip;

/**
 * How player and source addresses are written into JSON: in full, or masked.
 *
 * <p>Masked form keeps the network an operator needs to recognise an ISP or region and hides the
 * host: IPv4 keeps the /24 ({@code 10.201.0.x}), IPv6 the /48 ({@code 2001:db8:7::x}, three groups
 * in hex, never compressed). A short keyed hash follows ({@code 10.201.0.x#3fa2}): the first 4 hex
 * digits of HMAC-SHA256 of the full address bytes under a random key made once per process, so two
 * masked players in one /24 stay distinguishable while the address cannot be recovered by hashing
 * candidate addresses. The hash changes on restart and 16 bits can collide; it is a label, not an id.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface AddressFormat permits AddressFormat.Full, MaskedAddresses {
    /** The text to put into JSON for {@code address}. */
    String format(Ip address);

    /** True when {@link #format} returns addresses unchanged. */
    boolean full();

    /** Addresses as {@link Ip#toString()} prints them. */
    static AddressFormat fullAddresses() {
        return Full.INSTANCE;
    }

    /** Masked addresses with the per-process key, so masks agree across all callers in this JVM. */
    static AddressFormat masked() {
        return MaskedAddresses.PROCESS;
    }

    /** Masked addresses under a given HMAC key (tests; at least 16 bytes). */
    static AddressFormat masked(byte[] key) {
        return new MaskedAddresses(key);
    }

    /** The full-address format. */
    enum Full implements AddressFormat {
        INSTANCE;

        @Override
        public String format(Ip address) {
            return address.toString();
        }

        @Override
        public boolean full() {
            return true;
        }
    }
}
