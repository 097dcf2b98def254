package netwarden.model;

/** Traffic from one source address within some window. */
public record SourceCount(Ip address, long packets, long bytes) {}
