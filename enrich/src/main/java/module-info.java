/** Offline enrichment of addresses: country, network and its kind, from local GeoIP/ASN files. */
module netwarden.enrich {
    requires transitive netwarden.model;
    requires netwarden.state;
    requires transitive io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires com.fasterxml.jackson.databind;
    requires com.maxmind.db;
    requires org.slf4j;
    exports netwarden.enrich;
}
