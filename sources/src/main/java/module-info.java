/** Inbound I/O: capture files, libpcap, eBPF and /proc, all writing to the input port. */
module netwarden.sources {
    requires transitive netwarden.model;
    requires netwarden.decode;
    requires netwarden.state;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    exports netwarden.sources.collect;
    exports netwarden.sources.file;
    exports netwarden.sources.ingest;
    exports netwarden.sources.live;
    exports netwarden.sources.query;
    exports netwarden.sources.docker;
    exports netwarden.sources.gamelog;
    exports netwarden.sources.router;
    exports netwarden.sources.router.dns;
}
