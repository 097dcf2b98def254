package netwarden.store;

import java.util.List;
import java.util.Optional;

/**
 * Everything that happened, kept: events, player sessions, incidents with notes, per-service rollups and
 * per-source minute summaries. One implementation per database; every one passes the same contract suite
 * ({@code StoreContract} in the tests).
 *
 * <p>Writes come from one thread, the {@link StoreWriter}; reads may come from any thread at the same time.
 * Every method throws {@link StoreException} when the database fails; the store then reconnects on the next
 * call, so a caller retries by calling again. A {@link Rows.Batch} is written in one transaction: all of it or
 * none.
 */
public interface Store extends AutoCloseable {
    /** Creates the schema or migrates it to the newest version; called once before anything else. */
    void start();

    /** Writes a batch: appends events, rollups and summaries; replaces sessions and incidents with the same key. */
    void write(Rows.Batch batch);

    /**
     * A central server's write (issue 16): stores each shipped batch unless its sequence is at or below its agent's
     * high-water mark, moves the marks and records gaps, all in one transaction; returns what happened to each, in
     * order. A batch whose rows name another agent is refused ({@link IllegalArgumentException}, nothing written).
     */
    List<Shipped.Result> writeShipped(List<Shipped.Batch> batches, long nowMs);

    /** Every agent's marks (one per epoch that stored something), by agent and epoch. */
    List<Shipped.Mark> marks();

    /** Lost stretches of {@code agent} (null: every agent), oldest first. */
    List<Shipped.Gap> gaps(String agent);

    /** Deletes rows of {@code table} older than {@code cutoffSeconds} (epoch); returns how many. */
    long purge(Table table, long cutoffSeconds);

    /**
     * Rewrites the per-source minute rows of [from, to) (epoch seconds) sorted by address, and the 1 min rollups
     * sorted by service, once per range, so an address search or a month's chart reads one row group per sorted
     * run rather than every row (DuckDB's zone maps; a database with indexes only records the range). Returns the
     * rows rewritten, or -1 when the range was done.
     */
    long compact(long fromSeconds, long toSeconds);

    List<Rows.Event> events(Queries.Events q);

    List<Results.Point> history(Queries.History q);

    List<Rows.Session> sessions(Queries.Sessions q);

    /** Sessions, per-source summaries and incidents matching the term in [from, to), each capped by limit. */
    Results.Search search(SearchTerm term, long fromMs, long toMs, int limit);

    List<Rows.Incident> incidents(Queries.Incidents q);

    /** Flow-export minutes matching the query, newest first, heaviest first within a minute. */
    List<Rows.FlowMinute> flows(Queries.Flows q);

    Optional<Rows.Incident> incident(String agent, String id);

    /** Heaviest sources recorded for an incident, heaviest first. */
    List<Rows.IncidentSource> incidentSources(String agent, String id);

    /**
     * Marks an incident acknowledged (the first time only) and appends the note to its history.
     *
     * @return false when there is no such incident
     */
    boolean acknowledge(String agent, String id, String author, String note, long atMs);

    /** Notes of an incident, oldest first. */
    List<Rows.Note> notes(String agent, String id);

    /** Records where the incident's sample capture was written. */
    boolean setSamplePcap(String agent, String id, String path);

    /** Connections of LAN devices (router profile), newest first. */
    List<RouterRows.Connection> connections(RouterQueries.Connections q);

    /** Scored device anomalies, newest first. */
    List<RouterRows.Anomaly> anomalies(RouterQueries.Anomalies q);

    /** dnsmasq log entries, newest first. */
    List<RouterRows.Dns> dns(RouterQueries.DeviceLog q);

    /** Firewall (NFLOG) records, newest first. */
    List<RouterRows.Firewall> firewall(RouterQueries.DeviceLog q);

    /** Every LAN device of {@code agent}, by address. */
    List<RouterRows.Device> devices(String agent);

    /**
     * Names a device (blank clears the name); sightings written later keep it.
     *
     * @return false when there is no such device
     */
    boolean renameDevice(String agent, String address, String name);

    /** Rows in a table (for tests, status pages and benchmarks). */
    long count(Table table);

    /** Rows of one agent in a table (a central server's per-agent totals). */
    long count(Table table, String agent);

    /** The schema version in the database. */
    int schemaVersion();

    @Override
    void close();
}
