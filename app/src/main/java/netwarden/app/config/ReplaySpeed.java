package netwarden.app.config;

import java.util.Locale;

/** How fast a capture file is fed to the live pipeline: as recorded, or as fast as possible. */
public enum ReplaySpeed {
    REALTIME, MAX;

    public static ReplaySpeed parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "realtime" -> REALTIME;
            case "max" -> MAX;
            default -> throw new IllegalArgumentException("speed must be realtime or max: '" + text + "'");
        };
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
