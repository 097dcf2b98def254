/**
 * The web console: sign-in with an API token, server-rendered pages read from the store and the live engine
 * snapshot, served on the API's port (its TLS, its tokens). Browser assets come from WebJars on the class path.
 */
module netwarden.console {
    requires transitive netwarden.model;
    requires netwarden.wire;
    requires transitive netwarden.store;
    requires transitive netwarden.server;
    requires netwarden.sinks;
    requires jdk.httpserver;
    requires io.prometheus.metrics.core;
    requires transitive io.prometheus.metrics.model;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    exports netwarden.console;
}
