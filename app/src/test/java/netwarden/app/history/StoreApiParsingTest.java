package netwarden.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import netwarden.enrich.Enrichment;
import netwarden.enrich.NetworkKind;
import netwarden.server.Request;
import netwarden.store.AddressInfo;
import netwarden.store.Queries;
import org.junit.jupiter.api.Test;

/** What the store endpoints read from a request: ack bodies, session queries, times; and enrichment as rows keep it. */
class StoreApiParsingTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Request query(Map<String, String> q) {
        return new Request(Map.of(), null, null, null, q);
    }

    @Test
    void anAckBodyHoldsAnOptionalNote() {
        assertThat(IncidentsApi.note(new byte[0])).isNull();
        assertThat(IncidentsApi.note(utf8("{}"))).isNull();
        assertThat(IncidentsApi.note(utf8("{\"note\": null}"))).isNull();
        assertThat(IncidentsApi.note(utf8("{\"note\": \"  upstream filter  \"}"))).isEqualTo("upstream filter");
        assertThat(IncidentsApi.note(utf8("{\"note\": \"   \"}"))).isNull();
        assertThatThrownBy(() -> IncidentsApi.note(utf8("note=x"))).hasMessageContaining("body must be JSON");
        assertThatThrownBy(() -> IncidentsApi.note(utf8("[1]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> IncidentsApi.note(utf8("{\"note\": 5}"))).hasMessage("note must be a string");
        assertThatThrownBy(() -> IncidentsApi.note(utf8("{\"note\": \"" + "x".repeat(4001) + "\"}")))
                .hasMessage("note must be at most 4000 characters: 4001");
    }

    @Test
    void aSessionQueryReadsItsTermAndFilters() {
        Queries.Sessions byPrefix = SearchApi.sessionsQuery(query(Map.of("q", "10.1.0.0/16", "service", "arena", "from", "1700000000")));
        assertThat(byPrefix.address()).isEqualTo("10.1.0.0/16");
        assertThat(byPrefix.service()).isEqualTo("arena");
        assertThat(byPrefix.fromMs()).isEqualTo(1_700_000_000_000L);
        assertThat(SearchApi.sessionsQuery(query(Map.of("q", "AS13335"))).asn()).isEqualTo(13335);
        assertThat(SearchApi.sessionsQuery(query(Map.of("asn", "as3320"))).asn()).isEqualTo(3320);
        assertThat(SearchApi.sessionsQuery(query(Map.of("q", "country:de"))).country()).isEqualTo("DE");
        assertThat(SearchApi.sessionsQuery(query(Map.of("country", "fr"))).country()).isEqualTo("FR");
        assertThat(SearchApi.sessionsQuery(query(Map.of("q", "Sarge"))).name()).isEqualTo("Sarge");
        assertThat(SearchApi.sessionsQuery(query(Map.of("to", "2023-11-14T22:13:20Z"))).toMs()).isEqualTo(1_700_000_000_000L);
        assertThatThrownBy(() -> SearchApi.sessionsQuery(query(Map.of("q", "27960")))).hasMessageContaining("a port finds services");
        assertThatThrownBy(() -> SearchApi.sessionsQuery(query(Map.of("asn", "cloudflare")))).hasMessageContaining("asn must be a number");
        assertThatThrownBy(() -> SearchApi.sessionsQuery(query(Map.of("q", "10.1.0.0/99")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchApi.sessionsQuery(query(Map.of("from", "2", "to", "1")))).hasMessageContaining("to must not be before from");
    }

    @Test
    void enrichmentBecomesCountryAsnAndFlags() {
        assertThat(EnrichLookup.info(new Enrichment(Enrichment.Status.RESOLVED, "DE", 3320, "DTAG", null, null)))
                .isEqualTo(new AddressInfo("DE", 3320, null));
        assertThat(EnrichLookup.info(new Enrichment(Enrichment.Status.RESOLVED, "US", 16509, "AMAZON", NetworkKind.HOSTING, null)))
                .isEqualTo(new AddressInfo("US", 16509, "hosting"));
        assertThat(EnrichLookup.info(Enrichment.PENDING)).isEqualTo(AddressInfo.UNKNOWN);
        assertThat(EnrichLookup.info(Enrichment.reserved("private"))).isEqualTo(AddressInfo.UNKNOWN);
        EnrichLookup none = new EnrichLookup();
        assertThat(none.waiting().of(netwarden.model.Ip.parse("192.0.2.1"))).as("before start: unknown").isEqualTo(AddressInfo.UNKNOWN);
    }
}
