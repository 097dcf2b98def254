package netwarden.sources.router;

import java.time.Instant;
import netwarden.model.Ip;

/**
 * A packet an NFLOG rule logged, decoded: the rule's group, its action (from the group's
 * configuration) and prefix, the interfaces, the source MAC when the kernel gave one ("" if not),
 * and the packet's addresses, protocol and ports (-1 without ports; {@code src} and {@code dst}
 * are null when the payload held no readable IP header). {@code time} is the kernel's timestamp
 * when it sent one, else the injected clock's.
 */
public record NflogEvent(Instant time, int group, RouterConfig.NflogGroup.Action action, String prefix,
                         int inIfindex, int outIfindex, String mac, Ip src, Ip dst, int proto, int srcPort, int dstPort,
                         int length) {}
