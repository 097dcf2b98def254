package netwarden.decode.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Templates by {@link TemplateKey}, bounded: when full, a new key is refused (and counted by the
 * caller) rather than evicting one that later data still needs. A template sent again replaces the
 * old one. Not thread-safe: owned by one {@link FlowDecoder}; {@link #snapshot()} copies it for saving.
 */
public final class TemplateCache {
    private final int capacity;
    private final Map<TemplateKey, Template> templates = new LinkedHashMap<>();

    public TemplateCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("template capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    public Template get(TemplateKey key) {
        return templates.get(key);
    }

    /** Stores a template; false when the cache is full and the key is new. */
    public boolean put(TemplateKey key, Template t) {
        if (!templates.containsKey(key) && templates.size() >= capacity) return false;
        templates.put(key, t);
        return true;
    }

    /** Removes one template; true when it was known. */
    public boolean withdraw(TemplateKey key) {
        return templates.remove(key) != null;
    }

    /** IPFIX "withdraw all" (RFC 7011 8.1): every data or options template of one exporter's domain. */
    public int withdrawAll(TemplateKey domain, boolean options) {
        int before = templates.size();
        templates.entrySet().removeIf(e -> e.getKey().exporter().equals(domain.exporter())
                && e.getKey().version() == domain.version() && e.getKey().domain() == domain.domain()
                && e.getValue().options() == options);
        return before - templates.size();
    }

    public int size() {
        return templates.size();
    }

    public int capacity() {
        return capacity;
    }

    /** An immutable copy, in insertion order, e.g. for {@link TemplateCacheFile#write}. */
    public Map<TemplateKey, Template> snapshot() {
        return Map.copyOf(templates);
    }

    /** Adds every template of a snapshot (a loaded file); returns how many did not fit. */
    public int putAll(Map<TemplateKey, Template> loaded) {
        int refused = 0;
        for (var e : loaded.entrySet()) if (!put(e.getKey(), e.getValue())) refused++;
        return refused;
    }
}
