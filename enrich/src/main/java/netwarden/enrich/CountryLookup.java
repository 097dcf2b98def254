package netwarden.enrich;

import netwarden.model.Ip;

/** Address to country; implementations are thread-safe and may be slow (called off the pipeline). */
@FunctionalInterface
public interface CountryLookup {
    /** ISO 3166-1 alpha-2 code in upper case, or null when the data has none. */
    String country(Ip address);
}
