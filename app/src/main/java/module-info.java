/** Configuration, wiring and the command line: the only module that reads files and the environment. */
@SuppressWarnings("module") // netwarden.it, the module of deployment tests, exists only when tests are compiled
module netwarden.app {
    requires netwarden.decode;
    requires netwarden.engine;
    requires netwarden.sources;
    requires netwarden.sinks;
    requires netwarden.server;
    requires netwarden.console;
    requires netwarden.store;
    requires netwarden.ship;
    requires kafka.clients;
    requires netwarden.wire;
    requires netwarden.enrich;
    requires netwarden.state;
    requires netwarden.pki;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires org.slf4j;
    // The deployment tests (module it) drive the command line and read config files in process.
    exports netwarden.app to netwarden.it;
    exports netwarden.app.config to netwarden.it;
    exports netwarden.app.tls to netwarden.it;
    exports netwarden.app.run to netwarden.it;
    // picocli builds the commands by reflection.
    opens netwarden.app to info.picocli;
    opens netwarden.app.capture to info.picocli;
    opens netwarden.app.collect to info.picocli;
    opens netwarden.app.demo to info.picocli;
    opens netwarden.app.flows to info.picocli;
    opens netwarden.app.fleet to info.picocli;
    opens netwarden.app.geoip to info.picocli;
    opens netwarden.app.notify to info.picocli;
    opens netwarden.app.replay to info.picocli;
    opens netwarden.app.run to info.picocli;
    opens netwarden.app.tls to info.picocli;
}
