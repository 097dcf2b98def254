package netwarden.app.demo;

import java.util.StringJoiner;
import netwarden.model.EngineSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.WindowStats;

/** A one-line summary of a snapshot for the demo's periodic log line. */
final class Status {
    private Status() {}

    static String line(EngineSnapshot s) {
        StringJoiner j = new StringJoiner("; ");
        for (ServiceSnapshot svc : s.services()) {
            WindowStats w = svc.lastWindow();
            j.add(svc.id() + ": players " + svc.playersNow() + ", pps " + (w == null ? 0 : w.pps()) + ", sources "
                    + (w == null ? 0 : w.distinctSources()));
        }
        return j.length() == 0 ? "no traffic yet" : j.toString();
    }
}
