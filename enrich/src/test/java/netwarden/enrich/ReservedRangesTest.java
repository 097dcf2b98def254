package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import netwarden.model.Ip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReservedRangesTest {
    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
        "127.0.0.1, loopback", "::1, loopback", "169.254.10.1, link-local", "fe80::1, link-local",
        "100.64.0.1, cgnat", "100.127.255.255, cgnat", "192.0.2.7, documentation", "198.51.100.1, documentation",
        "203.0.113.9, documentation", "2001:db8::5, documentation", "3fff::1, documentation",
        "224.0.0.251, multicast", "ff02::1, multicast", "0.0.0.0, unspecified", "::, unspecified",
        "255.255.255.255, broadcast", "240.0.0.1, reserved", "198.18.0.1, benchmarking", "fd12:3456::1, private"
    })
    void labelsSpecialRanges(String address, String label) {
        assertThat(ReservedRanges.label(Ip.parse(address))).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "192.169.0.1", "2606:4700::1111",
        "2001:db9::1", "fbff::1"})
    void leavesPublicAddressesAlone(String address) {
        assertThat(ReservedRanges.label(Ip.parse(address))).isNull();
    }
}
