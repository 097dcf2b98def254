package netwarden.model;

/**
 * What a detector watches: one service port, one destination host, or everything.
 * {@link #label()} (also {@link #toString()}) is the wire name: {@code service}, {@code host}, {@code network}.
 */
public enum ScopeKind {
    SERVICE("service"), HOST("host"), NETWORK("network");

    private final String label;

    ScopeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
