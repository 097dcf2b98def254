package netwarden.sources.router.dns;

import java.time.Instant;

/** A dnsmasq log entry as delivered, stamped by the injected clock; its name is plain or hashed per config. */
public record DnsEvent(Instant time, DnsLogEntry entry) {}
