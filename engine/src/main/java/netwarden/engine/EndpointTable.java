package netwarden.engine;

import java.util.ArrayList;
import java.util.List;
import netwarden.engine.flow.KeyedTable;
import netwarden.model.Proto;

/**
 * Index of tracked endpoints by (address, protocol, port), plus per-port reference counts so the
 * hot path can skip the "is the sender a service?" probe for ports no endpoint uses.
 */
final class EndpointTable {
    private final KeyedTable<Endpoint> index = new KeyedTable<>(256);
    private final List<Endpoint> all = new ArrayList<>();
    private final int[][] portUse = new int[2][65536]; // [0] udp, [1] tcp
    private long nextId = 1;

    /** A fresh endpoint id: flows are keyed by it, so a removed endpoint's flows never match a new one. */
    long nextId() {
        return nextId++;
    }

    Endpoint get(long hi, long lo, int proto, int port) {
        long k3 = Endpoint.portKey(proto, port);
        return index.get(hi, lo, k3, KeyedTable.hash(hi, lo, k3));
    }

    boolean portInUse(int proto, int port) {
        int row = row(proto);
        return row < 0 || portUse[row][port] > 0;
    }

    void add(Endpoint e) {
        index.insert(e);
        all.add(e);
        int row = row(e.key.proto());
        if (row >= 0) portUse[row][e.key.port()]++;
    }

    /** Removes every endpoint the predicate selects, in one pass; returns how many. */
    int removeIf(java.util.function.Predicate<Endpoint> expired) {
        int before = all.size();
        all.removeIf(e -> {
            if (!expired.test(e)) return false;
            index.remove(e);
            int row = row(e.key.proto());
            if (row >= 0) portUse[row][e.key.port()]--;
            return true;
        });
        return before - all.size();
    }

    int size() {
        return index.size();
    }

    /** All endpoints in insertion order; callers must not modify it. */
    List<Endpoint> all() {
        return all;
    }

    private static int row(int proto) {
        return proto == Proto.UDP ? 0 : proto == Proto.TCP ? 1 : -1;
    }
}
