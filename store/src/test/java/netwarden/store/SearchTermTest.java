package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class SearchTermTest {
    @Test
    void parsesEachKindOfTerm() {
        assertThat(SearchTerm.parse("AS13335")).isEqualTo(new SearchTerm.Asn(13335));
        assertThat(SearchTerm.parse("as64512")).isEqualTo(new SearchTerm.Asn(64512));
        assertThat(SearchTerm.parse("country:de")).isEqualTo(new SearchTerm.Country("DE"));
        assertThat(SearchTerm.parse("27960")).isEqualTo(new SearchTerm.Port(27960));
        assertThat(SearchTerm.parse("port:53")).isEqualTo(new SearchTerm.Port(53));
        assertThat(SearchTerm.parse("service:arena")).isEqualTo(new SearchTerm.Service("arena"));
        assertThat(SearchTerm.parse("Sarge")).isEqualTo(new SearchTerm.Name("Sarge"));
        assertThat(SearchTerm.parse("99999")).isEqualTo(new SearchTerm.Name("99999"));
        assertThat(SearchTerm.parse(" 198.51.100.7 ")).isInstanceOf(SearchTerm.Address.class);
        assertThat(((SearchTerm.Address) SearchTerm.parse("2001:db8::/32")).range().single()).isFalse();
        assertThat(((SearchTerm.Address) SearchTerm.parse("::1")).range().single()).isTrue();
    }

    @Test
    void rejectsMalformedTermsWithTheReason() {
        assertThatThrownBy(() -> SearchTerm.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SearchTerm.parse("10.0.0.0/40")).hasMessageContaining("0..32");
        assertThatThrownBy(() -> SearchTerm.parse("300.1.1.1")).hasMessageContaining("300.1.1.1");
        assertThatThrownBy(() -> SearchTerm.parse("country:Germany")).hasMessageContaining("two letters");
        assertThatThrownBy(() -> SearchTerm.parse("port:70000")).hasMessageContaining("0..65535");
    }

    @Test
    void prefixesAreKeyRangesInAddressOrder() {
        var r = AddressKey.prefix(Ip.parse("10.1.2.3"), 16);
        assertThat(r.first()).isEqualTo(AddressKey.of(Ip.parse("10.1.0.0")));
        assertThat(r.last()).isEqualTo(AddressKey.of(Ip.parse("10.1.255.255")));
        var v6 = AddressKey.prefix(Ip.parse("2001:db8::1"), 32);
        assertThat(v6.first()).isEqualTo(AddressKey.of(Ip.parse("2001:db8::")));
        assertThat(v6.last()).isEqualTo(AddressKey.of(Ip.parse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertThat(AddressKey.of(Ip.parse("128.0.0.1"))).isGreaterThan(AddressKey.of(Ip.parse("127.255.255.255")));
        assertThat(AddressKey.of(Ip.parse("ffff::1"))).isGreaterThan(AddressKey.of(Ip.parse("::1")));
        var all = AddressKey.prefix(Ip.parse("::"), 0);
        assertThat(all.first().hi()).isEqualTo(Long.MIN_VALUE);
        assertThat(all.last().lo()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void configAndUrlsAreCheckedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> StoreConfig.defaults().withUrl("mysql://x")).hasMessageContaining("store.url").hasMessageContaining("mysql://x");
        assertThatThrownBy(() -> new StoreConfig("", Map.of(Table.EVENTS, Duration.ZERO), 1000, 10))
                .hasMessageContaining("store.retention.events must be positive: PT0S");
        assertThatThrownBy(() -> new StoreConfig("", Map.of(Table.INCIDENT_NOTES, Duration.ofDays(1)), 1000, 10))
                .hasMessageContaining("incident-notes");
        assertThatThrownBy(() -> new StoreConfig("", Map.of(), 10, 10)).hasMessageContaining("store.queue-rows");
        assertThatThrownBy(() -> new StoreConfig("", Map.of(), 1000, 10, 5000)).hasMessage("store.batch-rows must be 100..queue-rows (1000): 5000");
        assertThatThrownBy(() -> StoreConfig.defaults().withUrl("postgresql:///db")).hasMessageContaining("store.url needs a host");
        assertThat(StoreConfig.defaults().withUrl("postgresql://nw:secret@db:5432/nw").urlWithoutPassword()).isEqualTo("postgresql://nw:***@db:5432/nw");
        assertThat(Stores.postgres("postgresql://nw:p%40ss@db.example:5433/netwarden?sslmode=require").toString())
                .isEqualTo("postgres:jdbc:postgresql://db.example:5433/netwarden?sslmode=require");
        assertThatThrownBy(() -> Stores.postgres("postgresql:///db")).hasMessageContaining("needs a host");
        assertThat(Step.forChartStep(1)).isEqualTo(Step.SECOND);
        assertThat(Step.forChartStep(90)).isEqualTo(Step.SECOND);
        assertThat(Step.forChartStep(300)).isEqualTo(Step.MINUTE);
        assertThat(Step.forChartStep(86_400)).isEqualTo(Step.HOUR);
    }

    @Test
    void theWritePathParsesAddressesAsTheModelDoes() {
        for (String a : new String[] {"0.0.0.0", "1.2.3.4", "198.51.100.7", "255.255.255.255", "10.0.0.255", "2001:db8::1", "::ffff:1.2.3.4"})
            assertThat(Columns.key(a)).as(a).isEqualTo(AddressKey.of(Ip.parse(a)));
        for (String bad : new String[] {"1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", "01234.1.1.1", "x"})
            assertThat(Columns.dottedQuad(bad)).as(bad).isEqualTo(-1); // left to Ip.parse, which decides
        assertThatThrownBy(() -> Columns.key("not-an-address")).isInstanceOf(IllegalArgumentException.class);
    }
}
