package netwarden.decode.flow;

import java.util.Objects;
import netwarden.model.Ip;

/**
 * What identifies a template: exporter address, export version (9 or 10), observation domain (v9
 * source id) and template id, never the UDP ports (an exporter may change its source port).
 */
public record TemplateKey(Ip exporter, int version, long domain, int templateId) {
    public TemplateKey {
        Objects.requireNonNull(exporter, "exporter");
        if (version != 9 && version != 10) throw new IllegalArgumentException("version must be 9 or 10: " + version);
    }
}
