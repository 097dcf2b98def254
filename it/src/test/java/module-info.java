/**
 * Tests of the deployment (deploy/) and of the whole stack around an in-process netwarden. A module of
 * tests only: this descriptor makes the compiler check which modules and packages they reach — the
 * exported API, and the few command-line classes of app it drives in process (exported to this module
 * alone). Surefire still runs the tests from the class path, where JUnit and AssertJ need no opens.
 */
open module netwarden.it {
    requires netwarden.app;
    requires netwarden.model;
    requires netwarden.engine;
    requires netwarden.sources;
    requires netwarden.sinks;
    requires netwarden.server;
    requires netwarden.enrich;
    requires netwarden.pki;
    requires info.picocli;
    requires io.prometheus.metrics.model;
    requires com.fasterxml.jackson.databind;
    requires org.yaml.snakeyaml;
    requires jdk.httpserver;
    requires java.net.http;
    requires org.junit.jupiter.api;
    requires org.assertj.core;
}
