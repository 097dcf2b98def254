package netwarden.app.run;

import java.time.Duration;
import java.util.Locale;
import netwarden.app.config.Durations;
import netwarden.model.Incident;
import netwarden.model.ScopeKind;

/** Pieces of the one-line log messages about attacks: what and where, current rates, totals. */
final class AttackLines {
    private AttackLines() {}

    /** {@code tcp_syn_flood on service arena, severity high}; a host attack names its dominant service. */
    static String headline(Incident i) {
        String where = i.scope().label() + " " + i.target();
        if (i.service() != null && i.scope() != ScopeKind.SERVICE) where += " (service " + i.service() + ")";
        return i.kind().label() + " on " + where + ", severity " + i.severity().label();
    }

    static String now(Incident i) {
        return "now " + i.currentPps() + " pps " + bits(i.currentBps()) + ", peak " + i.peakPps() + " pps " + bits(i.peakBps())
                + ", " + i.packets() + " packets so far, up to " + i.sources() + " sources/s";
    }

    static String totals(Incident i) {
        return "peak " + i.peakPps() + " pps " + bits(i.peakBps()) + ", " + i.packets() + " packets, " + i.bytes() + " bytes, up to "
                + i.sources() + " sources/s";
    }

    /** Start to end: tenths of a second under a minute ({@code 4.9s}), else whole seconds ({@code 1m33s}). */
    static String duration(Incident i) {
        double seconds = i.active() ? 0 : Math.max(0, i.endNanos() - i.startNanos()) / 1e9;
        if (seconds < 60) return String.format(Locale.ROOT, "%.1fs", seconds);
        return Durations.format(Duration.ofSeconds(Math.round(seconds)));
    }

    static String bits(long bps) {
        if (bps >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2f Gbit/s", bps / 1e9);
        if (bps >= 1_000_000L) return String.format(Locale.ROOT, "%.1f Mbit/s", bps / 1e6);
        if (bps >= 1_000L) return String.format(Locale.ROOT, "%.1f kbit/s", bps / 1e3);
        return bps + " bit/s";
    }
}
