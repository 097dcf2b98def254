package netwarden.decode.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;

/** A fixed set of templates for the cache file seed (fixed order, so the seed bytes do not change). */
final class TemplateCacheFileTestSample {
    private TemplateCacheFileTestSample() {}

    static Map<TemplateKey, Template> sample() {
        Map<TemplateKey, Template> m = new LinkedHashMap<>();
        Ip a = Ip.parse("192.0.2.1");
        m.put(new TemplateKey(a, 10, 1, 400), new Template(400, false, 0,
                List.of(new Template.Field(8, 4, 0), new Template.Field(82, 65535, 0), new Template.Field(1, 8, 29305))));
        m.put(new TemplateKey(a, 10, 1, 401), new Template(401, true, 1, List.of(new Template.Field(302, 2, 0),
                new Template.Field(34, 4, 0))));
        m.put(new TemplateKey(Ip.parse("2001:db8::9"), 9, 3, 256), new Template(256, false, 0,
                List.of(new Template.Field(40005, 1, 0))));
        return m;
    }
}
