package netwarden.enrich;

import com.maxmind.db.NoCache;
import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import netwarden.model.Ip;

/**
 * Country from a MaxMind-format database (MMDB) read with MaxMind's reader, memory-mapped. Accepts
 * the ip-location-db country databases ({@code country_code}) and MaxMind-style country or city
 * databases ({@code country.iso_code}, then {@code registered_country.iso_code}). Thread-safe.
 */
public final class MmdbCountryDb implements CountryLookup, Closeable {
    private final Reader reader;
    private final Path file;

    private MmdbCountryDb(Reader reader, Path file) {
        this.reader = reader;
        this.file = file;
    }

    /** Opens {@code file}; throws IOException naming the file when it is missing or not an MMDB. */
    public static MmdbCountryDb open(Path file) throws IOException {
        try {
            return new MmdbCountryDb(new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, NoCache.getInstance()), file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot open country database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database type from its metadata, e.g. "country ipvAll" or "GeoLite2-Country". */
    public String databaseType() {
        return reader.getMetadata().databaseType();
    }

    public Path file() {
        return file;
    }

    @Override
    public String country(Ip address) {
        Map<?, ?> record;
        try {
            record = reader.get(address.toInetAddress(), Map.class);
        } catch (IOException | IllegalArgumentException e) {
            return null; // a corrupt node or an IPv6 address in an IPv4-only database: no answer
        }
        if (record == null) return null;
        String code = text(record.get("country_code"));
        if (code == null) code = isoCode(record.get("country"));
        if (code == null) code = isoCode(record.get("registered_country"));
        return code;
    }

    private static String isoCode(Object section) {
        return section instanceof Map<?, ?> m ? text(m.get("iso_code")) : null;
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) return null;
        String code = s.trim().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}") ? code : null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
