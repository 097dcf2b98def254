package netwarden.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import netwarden.server.Response;

/** The answers pages give: HTML with the console's security headers, redirects and refusals. */
final class Pages {
    static final String HTML = "text/html; charset=utf-8";
    /** Scripts and styles only from netwarden itself; no frames, no form posts elsewhere. */
    static final Map<String, String> SECURITY = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    private Pages() {}

    static Response html(int status, Html.Raw body) {
        return new Response(status, HTML, body.html().getBytes(StandardCharsets.UTF_8), SECURITY);
    }

    static Response html(int status, Html.Raw body, Map<String, String> extra) {
        var headers = new java.util.HashMap<>(SECURITY);
        headers.putAll(extra);
        return new Response(status, HTML, body.html().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** 303 See Other: after a POST the browser GETs the target (a reload does not post again). */
    static Response redirect(String location) {
        return new Response(303, HTML, new byte[0], Map.of("Location", location));
    }

    static Response redirect(String location, String setCookie) {
        return new Response(303, HTML, new byte[0], Map.of("Location", location, "Set-Cookie", setCookie));
    }

    static Response notFound(String what) {
        return message(404, "Not found", what);
    }

    static Response message(int status, String title, String text) {
        Html h = new Html().raw("<!doctype html><html lang=en><head><meta charset=utf-8>"
                + "<meta name=viewport content=\"width=device-width, initial-scale=1\"><link rel=stylesheet href=\"/assets/console.css\">")
                .f("<title>%s</title></head><body><main class=narrow><h1>%s</h1><p class=refused>%s</p>", title, title, text)
                .raw("<p><a href=\"/\">Back to the overview</a></p></main></body></html>");
        return html(status, h.build());
    }
}
