package netwarden.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class AddressFormatTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void fullPrintsTheAddressUnchanged() {
        assertThat(AddressFormat.fullAddresses().format(Ip.parse("10.201.0.7"))).isEqualTo("10.201.0.7");
        assertThat(AddressFormat.fullAddresses().format(Ip.parse("2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(AddressFormat.fullAddresses().full()).isTrue();
    }

    @Test
    void maskedIpv4KeepsTheSlash24AndAppendsFourHexDigits() {
        String masked = AddressFormat.masked(KEY).format(Ip.parse("10.201.0.7"));
        assertThat(masked).matches("10\\.201\\.0\\.x#[0-9a-f]{4}");
        assertThat(AddressFormat.masked(KEY).full()).isFalse();
    }

    @Test
    void maskedIpv6KeepsTheSlash48() {
        assertThat(AddressFormat.masked(KEY).format(Ip.parse("2001:db8:7:1::99")))
                .matches("2001:db8:7::x#[0-9a-f]{4}");
        assertThat(AddressFormat.masked(KEY).format(Ip.parse("2001:db8::1")))
                .matches("2001:db8:0::x#[0-9a-f]{4}");
    }

    @Test
    void hashIsHmacSha256OfTheAddressBytesUnderTheKey() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        byte[] digest = mac.doFinal(new byte[] {10, (byte) 201, 0, 7});
        String expected = java.util.HexFormat.of().formatHex(digest, 0, 2);
        assertThat(AddressFormat.masked(KEY).format(Ip.parse("10.201.0.7"))).isEqualTo("10.201.0.x#" + expected);
    }

    @Test
    void hostsInOneNetworkStayDistinguishableAndStable() {
        AddressFormat masked = AddressFormat.masked(KEY);
        String a = masked.format(Ip.parse("10.201.0.7"));
        String b = masked.format(Ip.parse("10.201.0.8"));
        assertThat(a).isNotEqualTo(b).isEqualTo(masked.format(Ip.parse("10.201.0.7")));
    }

    @Test
    void differentKeysGiveDifferentHashes() {
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        Ip ip = Ip.parse("10.201.0.7");
        // 16-bit hashes could collide for one address; over several the keys must differ somewhere.
        boolean anyDiffers = false;
        for (int host = 1; host <= 8; host++) {
            Ip h = Ip.parse("10.201.0." + host);
            anyDiffers |= !AddressFormat.masked(KEY).format(h).equals(AddressFormat.masked(other).format(h));
        }
        assertThat(anyDiffers).isTrue();
        assertThat(AddressFormat.masked().format(ip)).isEqualTo(AddressFormat.masked().format(ip));
    }

    @Test
    void shortKeysAreRejected() {
        assertThatThrownBy(() -> AddressFormat.masked(new byte[8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes: 8");
    }
}
