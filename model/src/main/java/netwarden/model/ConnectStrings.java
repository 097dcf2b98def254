package netwarden.model;

import java.util.regex.Pattern;

/**
 * Removes passwords from connect strings before they are shown to anyone. Handles URL query
 * parameters ({@code ?password=}, {@code pw}, {@code pass}, {@code passwd}, {@code pwd},
 * {@code secret}, {@code token}, {@code key}), URL user info ({@code user:pass@host} becomes
 * {@code user@host}), Steam's {@code steam://connect/host:port/password}, console forms
 * ({@code connect host; password x}, {@code +password x}, {@code +set password x},
 * {@code +set g_password x}, {@code rcon_password x}). Pure and thread-safe.
 */
public final class ConnectStrings {
    private static final String SECRET_KEYS = "(?:password|passwd|pass|pw|pwd|secret|token|key|[a-z_]*_password)";
    private static final Pattern QUERY_PARAM = Pattern.compile("(?i)([?&;])" + SECRET_KEYS + "=[^&#\\s]*");
    private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/@:\\s]*):[^@/\\s]*@");
    private static final Pattern BARE_USERINFO = Pattern.compile("(?i)(^|\\s)([^\\s/@:]+):[^@\\s/]+@(?=[^\\s@]+)");
    private static final Pattern STEAM = Pattern.compile("(?i)(steam://(?:connect|run/\\d+//?)/?[^/\\s]+)/[^\\s]*");
    private static final Pattern CONSOLE = Pattern.compile(
            "(?i)(?:;\\s*|\\s*\\+|\\s+|^)(?:set\\s+)?(?:[a-z_]*_)?(?:password|passwd|pass|pw)\\s+(?:\"[^\"]*\"|\\S+)");

    private ConnectStrings() {}

    /** {@code connect} without any password; null stays null. */
    public static String withoutSecrets(String connect) {
        if (connect == null) return null;
        String s = connect;
        s = STEAM.matcher(s).replaceAll("$1");
        s = USERINFO.matcher(s).replaceAll("$1@");
        s = BARE_USERINFO.matcher(s).replaceAll("$1$2@");
        // Query parameters: drop the pair, then repair a leading '&' left behind.
        s = QUERY_PARAM.matcher(s).replaceAll("$1");
        s = s.replaceAll("\\?&+", "?").replaceAll("&{2,}", "&").replaceAll("[?&;](?=\\s|$|#)", "");
        s = CONSOLE.matcher(s).replaceAll("");
        return s.replaceAll("\\s{2,}", " ").replaceAll("[;\\s]+$", "").strip();
    }
}
