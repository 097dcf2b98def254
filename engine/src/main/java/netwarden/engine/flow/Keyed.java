package netwarden.engine.flow;

/**
 * An entry of a {@link KeyedTable}: a key of three longs and its hash, computed once. The key sits
 * in final fields of this one base class (not behind an interface) so a probe compares it with
 * three plain loads: with three kinds of entries the interface calls were megamorphic, never
 * inlined, and took a tenth of the engine's time in the replay benchmark.
 */
public abstract class Keyed {
    final long k1, k2, k3;
    final int hash;

    protected Keyed(long k1, long k2, long k3) {
        this(k1, k2, k3, KeyedTable.hash(k1, k2, k3));
    }

    /** With a chosen hash: tests use it to force collisions and the zero hash. */
    Keyed(long k1, long k2, long k3, int hash) {
        this.k1 = k1;
        this.k2 = k2;
        this.k3 = k3;
        this.hash = hash;
    }
}
