package netwarden.sinks.notify.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.wire.BlockRules;
import netwarden.model.Severity;
import netwarden.enrich.Enrichment;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Notice.EventNotice;
import netwarden.sinks.notify.render.NoticeView.Field;

/** Turns notices into {@link NoticeView}s for one channel's privacy settings. Thread-safe. */
public final class NoticeViews {
    static final String FOOTER = "netwarden";

    private final AddressFormat addresses;
    private final boolean showConnect;
    private final Duration blockTimeout;

    /** With block rules of the {@link BlockRules#DEFAULT_TIMEOUT}. */
    public NoticeViews(AddressFormat addresses, boolean showConnect) {
        this(addresses, showConnect, BlockRules.DEFAULT_TIMEOUT);
    }

    /** @param blockTimeout how long the attacks' block rules block ({@code detection.block-timeout}) */
    public NoticeViews(AddressFormat addresses, boolean showConnect, Duration blockTimeout) {
        this.addresses = addresses;
        this.showConnect = showConnect;
        this.blockTimeout = blockTimeout;
    }

    /** The block rules for a notice's listed (attributed, non-player) sources. */
    public BlockRules.Rules blockRules(EventNotice n) {
        return BlockRules.of(n.sources().stream().map(Notice.SourceInfo::address).toList(), blockTimeout);
    }

    public AddressFormat addresses() {
        return addresses;
    }

    public NoticeView view(Notice notice) {
        return switch (notice) {
            case EventNotice e -> event(e);
            case Notice.DigestNotice d -> digest(d);
            case Notice.TestNotice t -> new NoticeView("netwarden test message", t.text(), NoticeView.PURPLE, List.of(), FOOTER, t.tsNanos());
        };
    }

    private NoticeView event(EventNotice n) {
        return switch (n.event()) {
            case Event.PlayerJoined j -> PlayerViews.joined(n, j, addresses, showConnect);
            case Event.PlayerLeft l -> PlayerViews.left(n, l, addresses);
            case Event.ServiceDiscovered d -> new NoticeView("New service discovered: " + d.key(),
                    "netwarden found a service nobody configured: " + d.key() + " (id " + d.service() + "), with "
                            + Units.count(d.distinctSources()) + " distinct sources.", NoticeView.BLUE, List.of(), FOOTER, d.tsNanos());
            case Event.AttackStarted a -> attack("🚨 Attack started on " + target(a.incident()), a.incident(), n, a.tsNanos(), color(a.incident().severity()));
            case Event.AttackUpdated a -> attack("⚠️ Attack update on " + target(a.incident()), a.incident(), n, a.tsNanos(), color(a.incident().severity()));
            case Event.AttackEnded a -> attack("✅ Attack ended on " + target(a.incident()), a.incident(), n, a.tsNanos(), NoticeView.GREEN);
            case Event.ExternalAlert x -> AlertViews.external(x);
            case Event.GameLogged g -> GameViews.logged(g, n.player(), addresses);
            case Event.QueryStatus q -> GameViews.query(q);
            case Event.Anomaly a -> RouterViews.anomaly(a, addresses);
            case Event.AnomalyIncidentEnded x -> RouterViews.ended(x, addresses);
            case Event.RouterConnection c -> RouterViews.record(c, addresses);
            case Event.RouterDns d -> RouterViews.record(d, addresses);
            case Event.RouterFirewall w -> RouterViews.record(w, addresses);
        };
    }

    private NoticeView attack(String title, Incident i, EventNotice n, long ts, int color) {
        List<Field> f = new ArrayList<>();
        f.add(Field.of("Kind", i.kind().label()));
        f.add(Field.of("Severity", i.severity().label()));
        if (i.active()) f.add(Field.of("Rate now", Units.pps(i.currentPps()) + " / " + Units.bps(i.currentBps())));
        f.add(Field.of("Peak", Units.pps(i.peakPps()) + " / " + Units.bps(i.peakBps())));
        f.add(Field.of("Sources", Units.count(i.sources()) + (i.spoofingSuspected() ? " (spoofing suspected)" : "")));
        if (!i.active()) f.add(Field.of("Duration", Units.duration(Duration.ofNanos(i.endNanos() - i.startNanos()))));
        f.add(Field.of("Packets", Units.count(i.packets())));
        if (!n.sources().isEmpty()) f.add(Field.wide("Top sources", sources(n.sources())));
        if (i.otherPackets() > 0) f.add(Field.of("Other traffic to the target", Units.count(i.otherPackets()) + " packets (not counted as the attack)"));
        if (addresses.full()) {
            var rules = blockRules(n);
            if (!rules.isEmpty()) f.add(Field.code("Block for review (nftables, " + Units.duration(rules.timeout()) + ")", rules.nftables()));
        }
        return new NoticeView(title, i.reason(), color, f, FOOTER + " · incident " + i.id(), ts);
    }

    private String sources(List<Notice.SourceInfo> sources) {
        StringBuilder sb = new StringBuilder();
        for (Notice.SourceInfo s : sources) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(describe(s.enrichment())).append(addresses.format(s.address())).append(" — ").append(Units.count(s.packets())).append(" packets");
            if (s.enrichment() != null && s.enrichment().asn() != 0) sb.append(" (AS").append(s.enrichment().asn()).append(')');
        }
        return sb.toString();
    }

    private static String describe(Enrichment e) {
        if (e == null) return "";
        String flag = Flags.emoji(e.country());
        return flag.isEmpty() ? "" : flag + " ";
    }

    private static String target(Incident i) {
        return i.service() != null ? i.service() : i.target();
    }

    static int color(Severity s) {
        return switch (s) {
            case LOW -> NoticeView.YELLOW;
            case MEDIUM -> NoticeView.ORANGE;
            case HIGH -> NoticeView.RED;
            case CRITICAL -> NoticeView.DARK_RED;
        };
    }

    private static NoticeView digest(Notice.DigestNotice d) {
        StringBuilder sb = new StringBuilder();
        for (Notice.DigestLine l : d.lines()) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(Units.count(l.count())).append(" × ").append(l.kind().replace('_', ' ')).append(" on ").append(l.service());
        }
        String title = Units.count(d.total()) + " more events in the last " + Units.duration(d.window());
        return new NoticeView(title, sb.toString(), NoticeView.GREY, List.of(), FOOTER + " · digest: sent one by one up to the threshold, then summed", d.tsNanos());
    }
}
