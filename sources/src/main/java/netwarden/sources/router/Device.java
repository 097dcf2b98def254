package netwarden.sources.router;

import java.time.Instant;
import netwarden.model.Ip;

/**
 * A LAN device as the router sees it: its address, its MAC once one was seen ("" before), the
 * name a user gave it ("" until then), and when it was first and last seen.
 */
public record Device(Ip address, String mac, String name, Instant firstSeen, Instant lastSeen) {}
