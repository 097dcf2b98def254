package netwarden.sources.router;

import java.nio.file.Path;
import java.util.List;

/**
 * The router profile ({@code router.*}): which LAN the devices live in and which sources run.
 *
 * @param lan LAN prefixes (CIDR, v4 or v6); a device is an address inside one of them
 * @param interfaces LAN interface names (documentation for NFLOG in/out interfaces; may be empty)
 * @param conntrack whether to follow conntrack events
 * @param conntrackReceiveBuffer the netlink receive buffer asked for, bytes (the kernel doubles it)
 * @param nflogGroups NFLOG groups to bind, each with what its rules do
 * @param dnsmasqLog dnsmasq's log-facility file, or null for no DNS source
 * @param hashNames store domain names as salted hashes ({@code router.dns.hash-names})
 * @param hashSalt the salt for hashed names (required with hashNames)
 * @param netns the network namespace to open the netlink sockets in (name or path), or null for ours
 */
public record RouterConfig(List<Prefix> lan, List<String> interfaces, boolean conntrack, int conntrackReceiveBuffer,
                           List<NflogGroup> nflogGroups, Path dnsmasqLog, boolean hashNames, String hashSalt, String netns) {
    /** An NFLOG group and the action of the rules logging to it (put drops and accepts in different groups). */
    public record NflogGroup(int group, Action action) {
        public enum Action { DROP, ACCEPT, LOG }

        public NflogGroup {
            if (group < 0 || group > 65535) throw new IllegalArgumentException("router.nflog.group must be 0..65535: " + group);
            if (action == null) throw new IllegalArgumentException("router.nflog.action is required for group " + group);
        }
    }

    public RouterConfig {
        lan = List.copyOf(lan);
        interfaces = List.copyOf(interfaces);
        nflogGroups = List.copyOf(nflogGroups);
        if (conntrackReceiveBuffer < 4096 || conntrackReceiveBuffer > 1 << 30)
            throw new IllegalArgumentException("router.conntrack.receive-buffer must be 4096..1073741824 bytes: " + conntrackReceiveBuffer);
        if (hashNames && (hashSalt == null || hashSalt.length() < 8))
            throw new IllegalArgumentException("router.dns.hash-salt must be at least 8 characters with router.dns.hash-names: "
                    + (hashSalt == null ? "missing" : hashSalt.length() + " characters"));
        if (nflogGroups.stream().map(NflogGroup::group).distinct().count() != nflogGroups.size())
            throw new IllegalArgumentException("router.nflog.groups lists a group twice: " + nflogGroups);
    }

    /** No LAN, conntrack on with an 8 MiB buffer, no NFLOG groups, no DNS log, plain names. */
    public static RouterConfig defaults() {
        return new RouterConfig(List.of(), List.of(), true, 8 << 20, List.of(), null, false, null, null);
    }

    /** Whether {@code address} is inside a LAN prefix. */
    public boolean isLan(java.net.InetAddress address) {
        for (Prefix p : lan) if (p.contains(address)) return true;
        return false;
    }
}
