/** Outbound I/O: metrics, the incident archive and notifications. */
module netwarden.sinks {
    requires transitive netwarden.model;
    requires transitive netwarden.wire;
    requires transitive netwarden.enrich;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires io.prometheus.metrics.instrumentation.jvm;
    requires com.fasterxml.jackson.databind;
    requires jakarta.mail;
    requires java.net.http;
    requires org.slf4j;
    exports netwarden.sinks.incidents;
    exports netwarden.sinks.metrics;
    exports netwarden.sinks.notify;
    exports netwarden.sinks.notify.channel;
    exports netwarden.sinks.notify.config;
    exports netwarden.sinks.route;
}
