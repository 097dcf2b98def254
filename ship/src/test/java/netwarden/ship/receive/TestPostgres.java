package netwarden.ship.receive;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;

/** A real PostgreSQL (zonky's embedded binaries) on a data directory that survives {@link #restart()}. */
public final class TestPostgres implements AutoCloseable {
    private final Path dataDir;
    private EmbeddedPostgres pg;
    private int port;

    public TestPostgres(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        this.port = pg.getPort();
    }

    public DataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setConnectTimeout(5);
        return ds;
    }

    public void stop() throws IOException {
        pg.close();
        pg = null;
    }

    public void start() throws IOException {
        pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    public void restart() throws IOException {
        stop();
        start();
    }

    @Override
    public void close() throws IOException {
        if (pg != null) pg.close();
    }
}
