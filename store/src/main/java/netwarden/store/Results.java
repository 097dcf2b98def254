package netwarden.store;

import java.util.List;

/** What the store answers beyond the {@link Rows} themselves. */
public final class Results {
    private Results() {}

    /**
     * One point of a service chart: the step starting at {@code ts} (epoch seconds). Means are over the whole
     * step ({@code packets / step}); peaks, sources and players the highest of the step.
     */
    public record Point(long ts, long packets, long bytes, double meanPps, double meanBps, long peakPps, long peakBps,
                        long sources, long players) {}

    /** One source's traffic to one service summed over the minutes found; {@code country}/{@code asn} as last seen. */
    public record SourceSummary(String service, String address, String country, long asn, long firstMinute,
                                long lastMinute, long minutes, long packets, long bytes) {}

    /** Everything a search found, each list newest (or heaviest) first and capped by the search limit. */
    public record Search(SearchTerm term, List<Rows.Session> sessions, List<SourceSummary> sources,
                         List<Rows.Incident> incidents) {
        public Search {
            sessions = List.copyOf(sessions);
            sources = List.copyOf(sources);
            incidents = List.copyOf(incidents);
        }
    }
}
