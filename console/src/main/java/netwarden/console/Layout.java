package netwarden.console;

/** The frame every page shares: head with the local assets, navigation, the search box and sign-out. */
final class Layout {
    private static final String[][] SERVICES = {{"/", "Overview"}, {"/incidents", "Incidents"}, {"/players", "Players"},
            {"/search", "Search"}, {"/map", "Map"}};
    /** With the router profile: its devices, anomalies and rules too. */
    private static final String[][] ALL = {{"/", "Overview"}, {"/incidents", "Incidents"}, {"/players", "Players"},
            {"/search", "Search"}, {"/map", "Map"}, {"/devices", "Devices"}, {"/anomalies", "Anomalies"}, {"/router/rules", "Rules"}};

    private Layout() {}

    static Html head(String title) {
        return new Html().raw("<!doctype html><html lang=en><head><meta charset=utf-8>"
                        + "<meta name=viewport content=\"width=device-width, initial-scale=1\">")
                .f("<title>%s · netwarden</title>", title)
                .raw("<link rel=stylesheet href=\"/assets/console.css\"><link rel=stylesheet href=\"/assets/uPlot.min.css\">"
                        + "<script src=\"/assets/htmx.min.js\" defer></script><script src=\"/assets/uPlot.iife.min.js\" defer></script>"
                        + "<script src=\"/assets/console.js\" defer></script></head>");
    }

    /** A whole page: {@code active} is the navigation entry to highlight. */
    static Html.Raw page(String title, String active, PageRequest r, Html.Raw body) {
        Html h = head(title).raw("<body><header><nav>");
        h.raw("<a class=brand href=\"/\">netwarden</a>");
        for (String[] link : r.routerPages() ? ALL : SERVICES) {
            h.f("<a href=\"%s\"%s>%s</a>", link[0], Html.safe(link[1].equals(active) ? " aria-current=page" : ""), link[1]);
        }
        h.raw("</nav><form class=search method=get action=\"/search\" role=search>")
                .f("<input name=q type=search placeholder=\"address, AS13335, country:DE, port, name\" value=\"%s\" aria-label=Search>",
                        "Search".equals(active) ? r.q("q") : "")
                .raw("</form><form class=signout method=post action=\"/logout\">")
                .f("<input type=hidden name=csrf value=\"%s\">", r.session().csrf())
                .f("<span class=who title=\"signed in with this API token\">%s%s</span>", r.session().token().name(),
                        r.canWrite() ? "" : " (read-only)")
                .raw("<button type=submit>Sign out</button></form></header><main>")
                .raw(body).raw("</main></body></html>");
        return h.build();
    }
}
