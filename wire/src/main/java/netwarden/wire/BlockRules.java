package netwarden.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Incident;
import netwarden.model.Ip;
import netwarden.model.SourceCount;

/**
 * Ready-to-paste block rules for an attack's attributed sources, for an operator to review and
 * apply (the script hook stays for those who want it automatic). Two forms, both with a timeout so
 * a block lifts by itself: an nftables set and iptables with an ipset. Sources are the incident's
 * (its vector's senders, players never among them); private, loopback, link-local, shared (CGNAT),
 * multicast and reserved addresses are never included — blocking them cuts off the operator's own
 * network. The one-time setup (table, set, drop rule) comes as comments; the lines to paste add
 * this attack's addresses.
 */
public final class BlockRules {
    /** How long a block lasts unless renewed: the default of {@code detection.block-timeout} (the engine's DetectionConfig). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    /** The addresses of one attack that may be blocked, the two rule forms, and how long their block lasts. */
    public record Rules(List<Ip> addresses, String nftables, String iptables, Duration timeout) {
        public boolean isEmpty() {
            return addresses.isEmpty();
        }
    }

    private BlockRules() {}

    public static Rules of(Incident incident, Duration timeout) {
        return of(incident.topSources().stream().map(SourceCount::address).toList(), timeout);
    }

    /** With the {@link #DEFAULT_TIMEOUT}. */
    public static Rules of(List<Ip> sources) {
        return of(sources, DEFAULT_TIMEOUT);
    }

    /** {@code timeout} is whole seconds (nftables and ipset count in seconds); a fraction is rounded up. */
    public static Rules of(List<Ip> sources, Duration timeout) {
        long secs = Math.max(1, timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0));
        List<Ip> v4 = new ArrayList<>(), v6 = new ArrayList<>();
        for (Ip ip : sources) {
            if (!blockable(ip)) continue;
            (ip.isV4() ? v4 : v6).add(ip);
        }
        var all = new ArrayList<Ip>(v4);
        all.addAll(v6);
        StringBuilder nft = new StringBuilder(), ipt = new StringBuilder();
        family(v4, "4", "ipv4_addr", "ip", "", "iptables", secs, nft, ipt);
        family(v6, "6", "ipv6_addr", "ip6", " family inet6", "ip6tables", secs, nft, ipt);
        return new Rules(List.copyOf(all), nft.toString(), ipt.toString(), Duration.ofSeconds(secs));
    }

    /** The lines of one address family: its own nftables set and ipset, the setup as a comment. */
    private static void family(List<Ip> ips, String v, String type, String ip, String ipsetFamily, String iptables, long secs,
                               StringBuilder nft, StringBuilder ipt) {
        if (ips.isEmpty()) return;
        String set = "attackers" + v;
        nft.append("# once: nft add table inet netwarden; nft 'add set inet netwarden ").append(set).append(" { type ").append(type)
                .append("; flags timeout; }'; nft 'add chain inet netwarden input { type filter hook input priority -10; }';")
                .append(" nft add rule inet netwarden input ").append(ip).append(" saddr @").append(set).append(" drop\n");
        nft.append("nft 'add element inet netwarden ").append(set).append(" { ").append(elements(ips, secs)).append(" }'\n");
        ipt.append("# once: ipset create netwarden-").append(set).append(" hash:ip").append(ipsetFamily).append(" timeout ").append(secs)
                .append(" -exist; ").append(iptables).append(" -I INPUT -m set --match-set netwarden-").append(set).append(" src -j DROP\n");
        for (Ip a : ips) ipt.append("ipset add netwarden-").append(set).append(' ').append(a).append(" timeout ").append(secs).append(" -exist\n");
    }

    private static String elements(List<Ip> ips, long secs) {
        return String.join(", ", ips.stream().map(ip -> ip + " timeout " + secs + "s").toList());
    }

    /** False for addresses never to block: private, loopback, link-local, CGNAT, multicast, reserved, unspecified. */
    public static boolean blockable(Ip ip) {
        if (ip.isV4()) {
            long a = ip.lo() & 0xFFFFFFFFL;
            int o1 = (int) (a >>> 24), o2 = (int) ((a >>> 16) & 0xFF);
            return !(o1 == 0 || o1 == 10 || o1 == 127 || o1 >= 224
                    || (o1 == 100 && o2 >= 64 && o2 < 128) || (o1 == 169 && o2 == 254)
                    || (o1 == 172 && o2 >= 16 && o2 < 32) || (o1 == 192 && o2 == 168)
                    || (o1 == 192 && o2 == 0 && ((a >>> 8) & 0xFF) == 0) || (o1 == 198 && (o2 == 18 || o2 == 19)));
        }
        long hi = ip.hi();
        int top16 = (int) (hi >>> 48);
        if (hi == 0 && (ip.lo() == 0 || ip.lo() == 1)) return false; // :: and ::1
        if ((top16 & 0xFE00) == 0xFC00) return false; // fc00::/7 unique local
        if ((top16 & 0xFFC0) == 0xFE80) return false; // fe80::/10 link-local
        if ((top16 & 0xFF00) == 0xFF00) return false; // ff00::/8 multicast
        return true;
    }
}
