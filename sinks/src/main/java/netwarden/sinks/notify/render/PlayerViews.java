package netwarden.sinks.notify.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Event;
import netwarden.enrich.Enrichment;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.render.NoticeView.Field;

/** Join and leave messages. */
final class PlayerViews {
    private PlayerViews() {}

    static NoticeView joined(Notice.EventNotice n, Event.PlayerJoined j, AddressFormat addresses, boolean showConnect) {
        Notice.PlayerInfo p = n.player();
        Enrichment e = p == null ? null : p.enrichment();
        String flag = e == null ? "" : Flags.emoji(e.country());
        String name = serviceName(n, j.service());
        List<Field> f = new ArrayList<>();
        f.add(Field.of("Player", addresses.format(j.player().address())));
        f.add(Field.of("Players online", online(j.playersNow(), n.serviceInfo())));
        if (e != null) {
            String where = where(e);
            if (where != null) f.add(Field.of("From", where));
            if (e.asn() != 0) f.add(Field.of("Network", "AS" + e.asn() + (e.org() == null ? "" : " " + e.org())));
            if (e.hostingOrVpn()) f.add(Field.of("⚠️ " + e.network().label().toUpperCase(java.util.Locale.ROOT),
                    "address belongs to a " + e.network().label() + " network"));
        }
        if (p != null) f.add(Field.of("Visit", p.returning() ? "🔁 returning player" : "🆕 first visit"));
        if (showConnect && n.serviceInfo() != null && n.serviceInfo().connect() != null && !n.serviceInfo().connect().isBlank())
            f.add(Field.code("Connect", n.serviceInfo().connect()));
        String title = (flag.isEmpty() ? "" : flag + " ") + "Player joined " + name;
        return new NoticeView(title, null, NoticeView.GREEN, f, NoticeViews.FOOTER, j.tsNanos());
    }

    static NoticeView left(Notice.EventNotice n, Event.PlayerLeft l, AddressFormat addresses) {
        List<Field> f = new ArrayList<>();
        f.add(Field.of("Player", addresses.format(l.player().address())));
        f.add(Field.of("Players online", online(l.playersNow(), n.serviceInfo())));
        long joined = l.player().joinedNanos(), left = l.player().leftNanos();
        if (joined > 0 && left > joined) f.add(Field.of("Played", Units.duration(Duration.ofNanos(left - joined))));
        Enrichment e = n.player() == null ? null : n.player().enrichment();
        String flag = e == null ? "" : Flags.emoji(e.country());
        return new NoticeView((flag.isEmpty() ? "" : flag + " ") + "Player left " + serviceName(n, l.service()), null,
                NoticeView.RED, f, NoticeViews.FOOTER, l.tsNanos());
    }

    private static String where(Enrichment e) {
        return switch (e.status()) {
            case RESOLVED -> e.country() == null ? null : Flags.emoji(e.country()) + " " + e.country();
            case RESERVED -> e.label() + " address";
            default -> null;
        };
    }

    private static String online(int now, Notice.ServiceInfo s) {
        return s != null && s.maxPlayers() != null ? now + "/" + s.maxPlayers() : Integer.toString(now);
    }

    private static String serviceName(Notice.EventNotice n, String id) {
        return n.serviceInfo() != null && n.serviceInfo().name() != null ? n.serviceInfo().name() : id;
    }
}
