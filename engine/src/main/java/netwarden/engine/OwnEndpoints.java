package netwarden.engine;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Packet;
import netwarden.model.ingest.OwnEndpoint;

/**
 * netwarden's own conversations (game queries), dropped before counting. Written rarely from any
 * thread (copy on write), read per packet on the pipeline thread: an empty array costs one length check.
 */
final class OwnEndpoints {
    private volatile OwnEndpoint[] endpoints = new OwnEndpoint[0];
    private volatile long dropped; // written by the pipeline thread only

    synchronized void add(OwnEndpoint e) {
        var l = new ArrayList<>(List.of(endpoints));
        if (!l.contains(e)) l.add(e);
        endpoints = l.toArray(OwnEndpoint[]::new);
    }

    synchronized void remove(OwnEndpoint e) {
        var l = new ArrayList<>(List.of(endpoints));
        l.remove(e);
        endpoints = l.toArray(OwnEndpoint[]::new);
    }

    /** True (and counted) when {@code p} belongs to one of the conversations. */
    boolean drop(Packet p, long packets) {
        OwnEndpoint[] all = endpoints;
        for (OwnEndpoint e : all) {
            if (e.matches(p)) {
                dropped += packets;
                return true;
            }
        }
        return false;
    }

    long dropped() {
        return dropped;
    }
}
