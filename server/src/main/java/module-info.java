/** The HTTP API and metrics endpoint, and the TLS material it serves with. */
module netwarden.server {
    requires transitive netwarden.model;
    requires netwarden.sinks;
    requires transitive netwarden.wire;
    requires jdk.httpserver;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    exports netwarden.server;
    exports netwarden.server.tls;
}
