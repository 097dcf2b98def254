package netwarden.store;

/** The resolution of a rollup table. */
public enum Step {
    SECOND(1, Table.ROLLUP_1S), MINUTE(60, Table.ROLLUP_1M), HOUR(3600, Table.ROLLUP_1H);

    public final int seconds;
    public final Table table;

    Step(int seconds, Table table) {
        this.seconds = seconds;
        this.table = table;
    }

    /** The coarsest table whose resolution still divides a chart step of {@code stepSeconds}. */
    public static Step forChartStep(long stepSeconds) {
        if (stepSeconds >= 3600 && stepSeconds % 3600 == 0) return HOUR;
        if (stepSeconds >= 60 && stepSeconds % 60 == 0) return MINUTE;
        return SECOND;
    }
}
