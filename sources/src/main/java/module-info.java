/** Inbound I/O: capture files, libpcap, eBPF and /proc, all writing to the input port. */
module netwarden.sources {
    requires transitive netwarden.model;
    requires netwarden.decode;
    requires netwarden.engine;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires org.slf4j;
    exports netwarden.sources.file;
    exports netwarden.sources.live;
    exports netwarden.sources.router;
    exports netwarden.sources.router.dns;
}
