/** Shipping from agents to a central server: record format, on-disk spool, HTTPS transport, receiver and ledger. */
module netwarden.ship {
    requires transitive netwarden.model;
    requires transitive netwarden.sinks;
    requires netwarden.state;
    requires transitive netwarden.store;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires transitive java.sql;
    requires transitive jdk.httpserver;
    requires org.slf4j;
    requires kafka.clients;
    exports netwarden.ship.format;
    exports netwarden.ship.spool;
    exports netwarden.ship.http;
    exports netwarden.ship.metrics;
    exports netwarden.ship.kafka;
    exports netwarden.ship.receive;
    exports netwarden.ship.rows;
}
