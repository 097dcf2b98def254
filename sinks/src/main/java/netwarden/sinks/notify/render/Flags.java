package netwarden.sinks.notify.render;

/** Country codes as flag emoji (two regional-indicator symbols). */
public final class Flags {
    private Flags() {}

    /** "AU" becomes 🇦🇺; anything but two letters A-Z becomes "". */
    public static String emoji(String countryCode) {
        if (countryCode == null || countryCode.length() != 2) return "";
        char a = countryCode.charAt(0), b = countryCode.charAt(1);
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return "";
        return new String(Character.toChars(0x1F1E6 + a - 'A')) + new String(Character.toChars(0x1F1E6 + b - 'A'));
    }
}
