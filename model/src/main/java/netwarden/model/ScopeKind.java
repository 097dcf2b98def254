package netwarden.model;

/**
 * What a detector watches: one service port, one destination host, everything, or a spray — one
 * source port sending to many destinations (a reflection spread over a network).
 * {@link #label()} (also {@link #toString()}) is the wire name: {@code service}, {@code host}, {@code network}, {@code spray}.
 */
public enum ScopeKind {
    SERVICE("service"), HOST("host"), NETWORK("network"), SPRAY("spray");

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
