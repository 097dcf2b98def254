package netwarden.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import netwarden.engine.detect.Scope;
import netwarden.engine.flow.Flow;
import netwarden.engine.flow.Keyed;
import netwarden.engine.flow.KeyedTable;
import netwarden.engine.sketch.AddressSet;
import netwarden.engine.sketch.DistinctCounter;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceKey;
import netwarden.model.WindowStats;

/**
 * A destination (address, protocol, port) the engine tracks: a configured service, a discovered
 * one, or a discovery candidate. Candidates are counted exactly like services from their first
 * packet, so a service discovered at second 15 still reports its traffic and players from second 0.
 * Owned by the pipeline thread.
 */
final class Endpoint extends Keyed {
    final long id;
    final ServiceKey key;
    // Mutable only through runtime service changes (ServiceChanges), on the pipeline thread.
    String name;
    String connect;
    boolean configured;
    boolean promoted;
    /** The endpoint answered a SYN with SYN-ACK: a TCP port that accepts connections (discovery evidence). */
    boolean acceptsTcp;
    String serviceId;

    long packetsIn, bytesIn, packetsOut, bytesOut;
    long lastSeen;

    // Current second.
    long binPackets, binBytes, binNewSources;
    boolean active;
    final DistinctCounter binSources;
    final TopSources top;
    final ArrayList<Flow> touched = new ArrayList<>();

    // Discovery: distinct sources inside the current discovery window.
    AddressSet discoSources;
    long discoWindowStart;

    // Service-only state, allocated on promotion.
    ArrayDeque<WindowStats> history;
    long peakPps, peakBps;
    int playersPeak;
    final ArrayList<Flow> players = new ArrayList<>();
    ArrayDeque<PlayerSnapshot> recentLeft;
    /** Detection scope of the service, null while a candidate or when service detection is off. */
    Scope scope;

    Endpoint(long id, ServiceKey key, String name, String connect, boolean configured, WindowConfig windows) {
        super(key.address().hi(), key.address().lo(), portKey(key.proto(), key.port()));
        this.id = id;
        this.key = key;
        this.name = name;
        this.connect = connect;
        this.configured = configured;
        this.binSources = new DistinctCounter(windows.exactSourcesLimit());
        this.top = new TopSources(windows.topSources());
    }

    static long portKey(int proto, int port) {
        return ((long) proto << 16) | port;
    }

    void promote(String serviceId) {
        promoted = true;
        this.serviceId = serviceId;
        history = new ArrayDeque<>();
        recentLeft = new ArrayDeque<>();
        discoSources = null;
    }

    void resetBin() {
        binPackets = binBytes = binNewSources = 0;
        binSources.clear();
        touched.clear();
        active = false;
    }
}
