package netwarden.sources.live;

import netwarden.testkit.Frames;

/**
 * Hand-built frames for the game scenario, sent from the peer's veth with {@link PacketInjector}:
 * UDP to the game port behind an 802.1Q tag and behind QinQ tags (the receiving kernel moves the
 * outer tag into skb metadata before capture, so this covers both tag paths), IPv4 first and
 * non-first fragments (only first fragments carry ports, so only they count for the service),
 * IPv6 with Hop-by-Hop and Destination Options headers, and IPv4 inside a PPPoE session behind
 * VLAN 7 (a DSL uplink) and inside a two-label MPLS stack.
 */
public record Injected(int frames) {
    static final int TAGGED = 100, QINQ = 100, FRAGMENTS = 50, V6_EXT = 50, PPPOE = 50, MPLS = 50;
    /** Frames of this set that count for the IPv4 game service. */
    static final int V4_TO_GAME = TAGGED + QINQ + FRAGMENTS + PPPOE + MPLS;

    static Injected send(NetnsLab lab, GameTraffic traffic) throws Exception {
        String mac = lab.serverMac();
        GameTraffic.Books v4 = traffic.books(lab.serverV4()), v6 = traffic.books(lab.serverV6());
        int sent = 0;
        try (PacketInjector out = PacketInjector.open(lab.peerNsPath(), lab.peerIf)) {
            byte[] udp = Frames.udp(4000, GameTraffic.GAME_PORT, new byte[40]);
            byte[] tagged = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_IPV4,
                    Frames.ipv4("10.250." + lab.subnet + ".70", lab.serverV4()).packet(Frames.UDP, udp), new Frames.Vlan(Frames.TPID_DOT1Q, 100)));
            byte[] qinq = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_IPV4,
                    Frames.ipv4("10.250." + lab.subnet + ".71", lab.serverV4()).packet(Frames.UDP, udp),
                    new Frames.Vlan(Frames.TPID_QINQ, 200), new Frames.Vlan(Frames.TPID_DOT1Q, 300)));
            byte[] first = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_IPV4,
                    Frames.ipv4("10.250." + lab.subnet + ".72", lab.serverV4()).id(7).fragment(0, true)
                            .packet(Frames.UDP, Frames.udp(4000, GameTraffic.GAME_PORT, new byte[24]))));
            byte[] later = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_IPV4,
                    Frames.ipv4("10.250." + lab.subnet + ".72", lab.serverV4()).id(7).fragment(4, false).packet(Frames.UDP, new byte[32])));
            byte[] ext = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_IPV6,
                    Frames.ipv6("fd4e:7700:" + lab.subnet + "::71", lab.serverV6()).hopByHop().destinationOptions().packet(Frames.UDP, udp)));
            byte[] pppoe = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_PPPOE_SESSION, Frames.pppoe(Frames.PPP_IPV4,
                    Frames.ipv4("10.250." + lab.subnet + ".73", lab.serverV4()).packet(Frames.UDP, udp)), new Frames.Vlan(Frames.TPID_DOT1Q, 7)));
            byte[] mpls = PacketInjector.to(mac, Frames.ethernet(Frames.ETH_MPLS, Frames.mpls(
                    Frames.ipv4("10.250." + lab.subnet + ".74", lab.serverV4()).packet(Frames.UDP, udp), 1000, 2000)));
            for (int i = 0; i < TAGGED; i++, sent++) { out.send(tagged); v4.in(tagged.length); }
            for (int i = 0; i < PPPOE; i++, sent++) { out.send(pppoe); v4.in(pppoe.length); }
            for (int i = 0; i < MPLS; i++, sent++) { out.send(mpls); v4.in(mpls.length); }
            for (int i = 0; i < QINQ; i++, sent++) { out.send(qinq); v4.in(qinq.length); }
            for (int i = 0; i < FRAGMENTS; i++, sent += 2) {
                out.send(first);
                v4.in(first.length);
                out.send(later); // no ports: not the service's
            }
            for (int i = 0; i < V6_EXT; i++, sent++) { out.send(ext); v6.in(ext.length); }
        }
        return new Injected(sent);
    }
}
