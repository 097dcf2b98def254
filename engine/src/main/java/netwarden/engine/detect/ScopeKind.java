package netwarden.engine.detect;

/** What a detector watches: one service port, one destination host, or everything. */
public enum ScopeKind {
    SERVICE("service"), HOST("host"), NETWORK("network");

    private final String label;

    ScopeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
