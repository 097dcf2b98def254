/**
 * Benchmarks: JMH benchmarks and whole-process probes that read the other modules through their
 * exported API only, as any user of them would; nothing depends on this module, so it exports nothing.
 * JMH runs it from the class path (its runner forks JVMs with {@code -cp}), where this descriptor only
 * makes the compiler check the arrows.
 */
module netwarden.bench {
    requires netwarden.model;
    requires netwarden.decode;
    requires netwarden.engine;
    requires netwarden.enrich;
    requires netwarden.sources;
    requires netwarden.store;
    requires netwarden.ship;
    requires netwarden.console;
    requires netwarden.server;
    requires netwarden.testkit;
    requires jmh.core;
    requires java.management;
    requires jdk.management;  // per-thread CPU time (com.sun.management.ThreadMXBean)
    requires java.naming;     // the PostgreSQL data source is Referenceable
    requires java.net.http;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.postgresql.jdbc;
    requires embedded.postgres;
}
