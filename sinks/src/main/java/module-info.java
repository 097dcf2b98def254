/** Outbound I/O: metrics, the incident archive, notifications, enrichment and the JSON shapes. */
module netwarden.sinks {
    requires transitive netwarden.model;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires io.prometheus.metrics.instrumentation.jvm;
    requires com.fasterxml.jackson.databind;
    requires com.maxmind.db;
    requires jakarta.mail;
    requires java.net.http;
    requires org.slf4j;
    exports netwarden.sinks.enrich;
    exports netwarden.sinks.incidents;
    exports netwarden.sinks.json;
    exports netwarden.sinks.metrics;
    exports netwarden.sinks.notify;
    exports netwarden.sinks.notify.channel;
    exports netwarden.sinks.notify.config;
}
