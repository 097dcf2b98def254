package netwarden.model;

/** How far above its threshold an attack went; escalation moves up this ladder, never down. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
