package netwarden.engine.flow;

/** An entry of a {@link KeyedTable}: a key of three longs and its cached hash. */
public interface Keyed {
    long k1();

    long k2();

    long k3();

    /** The hash of (k1, k2, k3) computed once with {@link netwarden.engine.sketch.Hashing#hash(long, long, long)}. */
    int keyHash();
}
