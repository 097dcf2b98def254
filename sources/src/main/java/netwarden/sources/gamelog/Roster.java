package netwarden.sources.gamelog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who the log says is online, to pair a leave with its join (same server, name and hash digest) and to
 * end everyone's session when their server restarts. Pure; the digest is a one-way hash of the row's
 * hash (see {@link PlayerIds#digest}) so the bookmark never holds the raw value.
 */
final class Roster {
    record Entry(String server, String name, String digest) {}

    private final Set<Entry> online = new LinkedHashSet<>();

    void join(Entry e) { online.add(e); }

    /** False for an orphan leave (no earlier join). */
    boolean leave(Entry e) { return online.remove(e); }

    /** Removes and returns everyone online on {@code server}, in join order. */
    List<Entry> restart(String server) {
        List<Entry> gone = new ArrayList<>();
        for (var it = online.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.server().equals(server)) {
                gone.add(e);
                it.remove();
            }
        }
        return gone;
    }

    List<Entry> entries() { return List.copyOf(online); }

    void replace(List<Entry> entries) {
        online.clear();
        online.addAll(entries);
    }
}
