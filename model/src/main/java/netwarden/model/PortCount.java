package netwarden.model;

/** Packets seen with one source port (UDP/TCP). */
public record PortCount(int port, long packets) {}
