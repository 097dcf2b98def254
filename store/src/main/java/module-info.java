/** History: the Store interface, DuckDB (embedded default) and PostgreSQL, migrations and the StoreWriter. */
module netwarden.store {
    requires transitive netwarden.model;
    requires transitive java.sql;
    requires duckdb.jdbc;
    requires org.postgresql.jdbc;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    exports netwarden.store;
}
