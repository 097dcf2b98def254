package netwarden.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;
import netwarden.model.SourceCount;
import netwarden.model.WindowStats;

/**
 * Per-(service, source) minute summaries for search, bounded: the sources of each second's top list summed
 * over the minute, of which the {@code top} heaviest are kept and the rest — with the traffic of sources no
 * second listed — summed into one "others" row. Memory per service is one minute of top lists. Pure and
 * single-threaded; seconds in order per service.
 */
public final class SourceMinuteAccumulator {
    private final String agent;
    private final int top;
    private final AddressInfo.Lookup lookup;
    private final Map<String, Minute> open = new HashMap<>();

    public SourceMinuteAccumulator(String agent, int top, AddressInfo.Lookup lookup) {
        if (top < 1) throw new IllegalArgumentException("top must be positive: " + top);
        this.agent = agent;
        this.top = top;
        this.lookup = lookup;
    }

    private static final class Minute {
        final long ts;
        long packets, bytes;
        final Map<Ip, long[]> sources = new HashMap<>();

        Minute(long ts) {
            this.ts = ts;
        }
    }

    public void add(String service, WindowStats w, BatchBuilder out) {
        long ts = w.startSecond() - Math.floorMod(w.startSecond(), 60);
        Minute m = open.get(service);
        if (m != null && ts > m.ts) {
            emit(service, m, out);
            m = null;
        }
        if (m == null) open.put(service, m = new Minute(ts));
        m.packets += w.packets();
        m.bytes += w.bytes();
        for (SourceCount s : w.topSources()) {
            long[] c = m.sources.computeIfAbsent(s.address(), k -> new long[2]);
            c[0] += s.packets();
            c[1] += s.bytes();
        }
    }

    public void flush(BatchBuilder out) {
        open.forEach((service, m) -> emit(service, m, out));
        open.clear();
    }

    private void emit(String service, Minute m, BatchBuilder out) {
        List<Map.Entry<Ip, long[]>> all = new ArrayList<>(m.sources.entrySet());
        all.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        long keptPackets = 0, keptBytes = 0;
        int kept = Math.min(top, all.size());
        for (int i = 0; i < kept; i++) {
            Ip ip = all.get(i).getKey();
            long[] c = all.get(i).getValue();
            AddressInfo info = lookup.of(ip);
            out.sourceMinute(new Rows.SourceMinute(agent, service, m.ts, ip.toString(), info.country(), info.asn(), c[0], c[1], 1));
            keptPackets += c[0];
            keptBytes += c[1];
        }
        long restPackets = Math.max(0, m.packets - keptPackets), restBytes = Math.max(0, m.bytes - keptBytes);
        if (restPackets > 0 || all.size() > kept)
            out.sourceMinute(new Rows.SourceMinute(agent, service, m.ts, Rows.SourceMinute.OTHERS, null, 0,
                    restPackets, restBytes, all.size() - kept));
    }
}
