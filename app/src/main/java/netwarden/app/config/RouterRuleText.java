package netwarden.app.config;

import java.util.Locale;
import netwarden.engine.router.RouterRule;
import netwarden.model.Ip;
import netwarden.model.router.AnomalyCode;

/** A router rule from its text fields: the config file's {@code router.rules[]} and the API's rule body share this shape. */
public final class RouterRuleText {
    private RouterRuleText() {}

    /** A rule from its text fields (the config file's and the API's shape); the message names what is wrong. */
    public static RouterRule parse(String type, String device, String remote, Long asn, String org, Integer port, String code) {
        if (type == null) throw new IllegalArgumentException("type is required: allow or suppress");
        RouterRule.Type t = switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "allow" -> RouterRule.Type.ALLOW;
            case "suppress" -> RouterRule.Type.SUPPRESS;
            default -> throw new IllegalArgumentException("type must be allow or suppress: '" + type + "'");
        };
        Ip dev = device == null || device.isBlank() ? null : Ip.parse(device.strip());
        Ip rem = null;
        int length = 0;
        if (remote != null && !remote.isBlank()) {
            String s = remote.strip();
            int slash = s.indexOf('/');
            rem = Ip.parse(slash < 0 ? s : s.substring(0, slash));
            try {
                length = slash < 0 ? (rem.isV4() ? 32 : 128) : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("remote prefix length must be a number: '" + s + "'");
            }
        }
        AnomalyCode c;
        try {
            c = code == null || code.isBlank() ? null : AnomalyCode.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("code must be one of " + java.util.Arrays.toString(AnomalyCode.values()) + ": '" + code + "'");
        }
        return new RouterRule(t, dev, rem, length, asn == null ? -1 : asn, org, port == null ? -1 : port, c);
    }
}
