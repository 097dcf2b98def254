package netwarden.console;

import io.prometheus.metrics.core.metrics.Counter;
import java.util.Optional;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.Request;
import netwarden.server.Response;

/**
 * {@code GET /login} (the form), {@code POST /login} (field {@code token}: an API token), {@code GET /login/once}
 * (the demo's one-time link) and {@code POST /logout}. The login form's CSRF token is bound to a short-lived
 * cookie set with the form (double submit): a POST from another site has neither.
 */
final class SignInPages {
    static final String SESSION_COOKIE = "nw_session";
    static final String LOGIN_COOKIE = "nw_login";

    private final ApiTokens tokens;
    private final SignIns signIns;
    private final boolean secure;
    private final Counter results;

    SignInPages(ApiTokens tokens, SignIns signIns, boolean secure, Counter results) {
        this.tokens = tokens;
        this.signIns = signIns;
        this.secure = secure;
        this.results = results;
    }

    Response form(Request r) {
        return form(200, null, next(r.query("next")));
    }

    /** Where to go after signing in: a path on this server, never another site ({@code //host}). */
    static String next(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }

    /** The URL of a request to a route: the template with its parameters, and the query string. */
    static String url(String template, Request r) {
        String path = template;
        for (var p : r.pathParams().entrySet()) path = path.replace("{" + p.getKey() + "}", Paths.seg(p.getValue()));
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (var q : r.query().entrySet()) {
            b.append(sep).append(SortedTable.enc(q.getKey())).append('=').append(SortedTable.enc(q.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    private Response form(int status, String problem, String next) {
        String csrf = SignIns.randomId();
        Html h = Layout.head("Sign in").raw("<body><main class=narrow><h1>netwarden</h1>");
        if (problem != null) h.f("<p class=refused role=alert>%s</p>", problem);
        h.raw("<form method=post action=\"/login\" class=signin>")
                .f("<input type=hidden name=csrf value=\"%s\">", csrf)
                .f("<input type=hidden name=next value=\"%s\">", next)
                .raw("<label for=token>API token</label>"
                        + "<input id=token name=token type=password autocomplete=current-password required autofocus>"
                        + "<button type=submit>Sign in</button></form>"
                        + "<p class=hint>Any token from <code>api.tokens</code> (or <code>NETWARDEN_API_TOKEN</code>) signs in; "
                        + "a read-only token sees everything but cannot acknowledge.</p></main></body></html>");
        return Pages.html(status, h.build(), java.util.Map.of("Set-Cookie", cookie(LOGIN_COOKIE, csrf, "/login", 600)));
    }

    Response signIn(Request r) {
        Form f = Form.parse(r.body());
        String expected = cookie(r, LOGIN_COOKIE);
        String presented = f.first("csrf");
        if (expected == null || presented == null || !java.security.MessageDigest.isEqual(expected.getBytes(), presented.getBytes())) {
            results.labelValues("csrf").inc();
            return form(403, "The sign-in form expired or came from elsewhere: try again.", next(f.first("next")));
        }
        String token = f.first("token");
        Optional<ApiToken> t = token == null ? Optional.empty() : tokens.authenticate("Bearer " + token.strip());
        if (t.isEmpty()) {
            results.labelValues("bad_token").inc();
            return form(401, "That token is not one of this server's API tokens.", next(f.first("next")));
        }
        return start(t.get(), next(f.first("next")));
    }

    Response once(Request r) {
        Optional<ApiToken> t = signIns.redeem(r.query("code"));
        if (t.isEmpty()) {
            results.labelValues("bad_link").inc();
            return form(401, "That sign-in link was used already or has expired: paste the token instead.", "/");
        }
        return start(t.get(), "/");
    }

    private Response start(ApiToken token, String next) {
        results.labelValues("ok").inc();
        SignIns.Session s = signIns.start(token);
        return Pages.redirect(next, cookie(SESSION_COOKIE, s.id(), "/", signIns.lifetime().toSeconds()));
    }

    Response signOut(PageRequest r, Form f) {
        signIns.end(r.session().id());
        return Pages.redirect("/login", cookie(SESSION_COOKIE, "", "/", 0));
    }

    private String cookie(String name, String value, String path, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The session id the browser sent, or null. */
    static String sessionId(Request r) {
        return cookie(r, SESSION_COOKIE);
    }

    static String cookie(Request r, String name) {
        var all = r.headers().get("Cookie");
        if (all == null) return null;
        for (String header : all) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    String v = p.substring(name.length() + 1);
                    return v.isEmpty() ? null : v;
                }
            }
        }
        return null;
    }
}
