package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsnCsvTest {
    @TempDir
    Path dir;

    private AsnTable table(String... lines) throws IOException {
        Path f = dir.resolve("asn.csv");
        Files.write(f, List.of(lines));
        return AsnCsv.read(List.of(f));
    }

    @Test
    void findsRangesByBinarySearchEvenWhenTheFileIsUnsorted() throws IOException {
        AsnTable t = table(
                "8.8.8.0,8.8.8.255,15169,Google LLC",
                "1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"",
                "1.1.1.0,1.1.1.255,13335,\"Cloudflare, Inc.\"",
                "200.0.0.0,255.255.255.254,64512,\"Quote \"\"Inc\"\"\"",
                "2606:4700::,2606:4700:ffff:ffff:ffff:ffff:ffff:ffff,13335,\"Cloudflare, Inc.\"",
                "2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC",
                "",
                "# comment");
        assertThat(t.size()).isEqualTo(6);
        int cf = t.find(Ip.parse("1.1.1.1"));
        assertThat(t.asn(cf)).isEqualTo(13335);
        assertThat(t.org(cf)).isEqualTo("Cloudflare, Inc.");
        assertThat(t.asn(t.find(Ip.parse("8.8.8.8")))).isEqualTo(15169);
        assertThat(t.find(Ip.parse("8.8.9.0"))).isEqualTo(-1);
        assertThat(t.find(Ip.parse("1.0.1.0"))).isEqualTo(-1);
        assertThat(t.find(Ip.parse("0.255.255.255"))).isEqualTo(-1);
        int high = t.find(Ip.parse("250.1.2.3")); // above 2^31: unsigned order must hold
        assertThat(t.asn(high)).isEqualTo(64512);
        assertThat(t.org(high)).isEqualTo("Quote \"Inc\"");
        assertThat(t.find(Ip.parse("255.255.255.255"))).isEqualTo(-1);
        assertThat(t.asn(t.find(Ip.parse("2606:4700:4700::1111")))).isEqualTo(13335);
        assertThat(t.asn(t.find(Ip.parse("2001:4860:4860::8888")))).isEqualTo(15169);
        assertThat(t.find(Ip.parse("2001:4861::1"))).isEqualTo(-1);
        assertThat(t.find(Ip.parse("::1"))).isEqualTo(-1);
    }

    @Test
    void rangeEdgesAreInclusive() throws IOException {
        AsnTable t = table("10.0.0.0,10.0.0.9,1,a", "10.0.0.10,10.0.0.19,2,");
        assertThat(t.asn(t.find(Ip.parse("10.0.0.0")))).isEqualTo(1);
        assertThat(t.asn(t.find(Ip.parse("10.0.0.9")))).isEqualTo(1);
        assertThat(t.asn(t.find(Ip.parse("10.0.0.10")))).isEqualTo(2);
        assertThat(t.org(t.find(Ip.parse("10.0.0.10")))).isNull();
        assertThat(t.find(Ip.parse("10.0.0.20"))).isEqualTo(-1);
    }

    @Test
    void malformedLinesNameFileAndLine() {
        assertThatThrownBy(() -> table("1.0.0.0,1.0.0.255,13335,ok", "1.0.1.0,1.0.1.255")).isInstanceOf(IOException.class)
                .hasMessageContaining("asn.csv:2").hasMessageContaining("expected first,last,asn,organisation");
        assertThatThrownBy(() -> table("1.0.0.0,1.0.0.255,AS1,x")).hasMessageContaining("asn is not a number: AS1");
        assertThatThrownBy(() -> table("1.0.0.9,1.0.0.0,1,x")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> table("1.0.0.0,::1,1,x")).hasMessageContaining("mixes IPv4 and IPv6");
        assertThatThrownBy(() -> table("1.0.0.300,1.0.0.301,1,x")).hasMessageContaining("asn.csv:1");
        assertThatThrownBy(() -> table("1.0.0.0,1.0.0.1,99999999999,x")).hasMessageContaining("asn out of range");
    }

    @Test
    void parsesDottedQuadsByHandLikeIpParse() {
        for (String s : List.of("0.0.0.0", "1.2.3.4", "255.255.255.255", "10.0.0.1")) {
            assertThat(AsnCsv.address("x," + s + ",y", 2, 2 + s.length())).isEqualTo(Ip.parse(s));
        }
    }
}
