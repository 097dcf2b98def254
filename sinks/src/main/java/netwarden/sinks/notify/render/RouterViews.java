package netwarden.sinks.notify.render;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Event;
import netwarden.model.Proto;
import netwarden.model.router.DeviceIncident;
import netwarden.sinks.notify.render.NoticeView.Field;
import netwarden.wire.AddressFormat;

/** Notices for the router profile: a device's anomaly (and the incident it opened or joined), its incident's end, and router records. */
final class RouterViews {
    private RouterViews() {}

    static NoticeView anomaly(Event.Anomaly a, AddressFormat addresses) {
        DeviceIncident i = a.incident();
        List<Field> f = new ArrayList<>();
        f.add(Field.code("Device", addresses.format(a.anomaly().device())));
        f.add(Field.of("Code", a.anomaly().code().name()));
        f.add(Field.of("Score", String.valueOf(a.anomaly().score())));
        if (a.anomaly().remote() != null) f.add(Field.code("Remote", addresses.format(a.anomaly().remote())
                + (a.anomaly().port() >= 0 ? ":" + a.anomaly().port() : "")));
        f.add(Field.of("Incident", i.id() + " (" + i.hits() + " hits: " + String.join(", ", i.codes()) + ")"));
        int color = a.anomaly().score() >= 50 ? NoticeView.RED : a.anomaly().score() >= 30 ? NoticeView.ORANGE : NoticeView.BLUE;
        return new NoticeView("🔎 " + a.anomaly().code() + " from " + addresses.format(a.anomaly().device()), a.anomaly().evidence(),
                color, f, NoticeViews.FOOTER, a.tsNanos());
    }

    static NoticeView ended(Event.AnomalyIncidentEnded e, AddressFormat addresses) {
        DeviceIncident i = e.incident();
        List<Field> f = List.of(Field.code("Device", addresses.format(i.device())), Field.of("Codes", String.join(", ", i.codes())),
                Field.of("Hits", i.hits() + " (" + i.duplicates() + " repeats)"), Field.of("Highest score", String.valueOf(i.score())));
        return new NoticeView("✅ Anomaly incident ended: " + addresses.format(i.device()), "Last: " + i.lastEvidence(),
                NoticeView.GREEN, f, NoticeViews.FOOTER, e.tsNanos());
    }

    /** Connections, DNS entries and firewall records are stored, not usually routed; a route that asks gets one line. */
    static NoticeView record(Event e, AddressFormat addresses) {
        String text = switch (e) {
            case Event.RouterConnection c -> addresses.format(c.connection().device()) + " → " + addresses.format(c.connection().remote())
                    + " " + Proto.name(c.connection().proto()) + (c.connection().port() >= 0 ? "/" + c.connection().port() : "")
                    + ": " + c.connection().bytesOut() + " bytes out, " + c.connection().bytesIn() + " in";
            case Event.RouterDns d -> (d.device() == null ? "resolver" : addresses.format(d.device())) + " " + d.action() + " " + d.name()
                    + (d.answer() == null ? "" : " → " + d.answer());
            case Event.RouterFirewall w -> w.action() + " " + w.prefix() + ": " + (w.device() == null ? "?" : addresses.format(w.device()))
                    + " → " + (w.remote() == null ? "?" : addresses.format(w.remote())) + (w.port() >= 0 ? ":" + w.port() : "");
            default -> e.kind();
        };
        return new NoticeView(e.kind(), text, NoticeView.BLUE, List.of(), NoticeViews.FOOTER, e.tsNanos());
    }
}
