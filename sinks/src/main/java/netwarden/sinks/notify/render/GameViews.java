package netwarden.sinks.notify.render;

import java.util.ArrayList;
import java.util.List;
import netwarden.enrich.Enrichment;
import netwarden.model.Event;
import netwarden.sinks.notify.channel.Notice;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.render.NoticeView.Field;

/** Notices for what the game itself says: its players log and its query protocol. */
final class GameViews {
    private GameViews() {}

    static NoticeView logged(Event.GameLogged g, Notice.PlayerInfo info, AddressFormat addresses) {
        List<Field> f = new ArrayList<>();
        if (g.playerName() != null) f.add(Field.of("Player", g.playerName()));
        Enrichment e = info == null ? null : info.enrichment();
        if (e != null && e.country() != null) f.add(Field.of("Country", Flags.emoji(e.country()) + " " + e.country()));
        if (g.address() != null) f.add(Field.code("Address", addresses.format(g.address())));
        if (g.player() != null) f.add(Field.of("Traffic", g.player().packetsIn() + " packets in, " + g.player().packetsOut() + " out"));
        else if ("join".equals(g.action())) f.add(Field.of("Traffic", "none seen yet from this address"));
        if (g.detail() != null) f.add(Field.wide("Detail", g.detail()));
        String who = g.playerName() == null ? "" : " " + g.playerName();
        String title = switch (g.action()) {
            case "join" -> "🎮" + who + " joined " + g.service();
            case "leave" -> "👋" + who + " left " + g.service();
            case "command" -> "🛠️ Admin command on " + g.service() + (who.isEmpty() ? "" : " by" + who);
            case "startup" -> "🔄 " + g.service() + " started";
            default -> "ℹ️ " + g.service() + ": " + g.action();
        };
        return new NoticeView(title, "From the game's players log.", NoticeView.BLUE, f, NoticeViews.FOOTER, g.tsNanos());
    }

    static NoticeView query(Event.QueryStatus q) {
        if (q.up()) return new NoticeView("✅ " + q.service() + " answers again", "The game's query protocol answers again"
                + (q.players() >= 0 ? " with " + q.players() + " players." : "."), NoticeView.GREEN, List.of(), NoticeViews.FOOTER, q.tsNanos());
        return new NoticeView("❌ " + q.service() + " is not answering", "The game server did not answer its query protocol ("
                + q.reason() + ").", NoticeView.RED, List.of(), NoticeViews.FOOTER, q.tsNanos());
    }
}
