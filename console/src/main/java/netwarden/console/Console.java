package netwarden.console;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.server.ApiToken;
import netwarden.server.ApiTokens;
import netwarden.server.Handler;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.Store;
import netwarden.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console on the API's port: the sign-in pages and every page a person uses, read from the store
 * (history) and the engine's published snapshot (what is live now).
 *
 * <p>Design notes: the API's routes answer 401 JSON to callers without a bearer token; the console's routes
 * are open at the dispatcher and check the session cookie here, so an unsigned page request is redirected
 * to {@code /login}. Sessions live on the server ({@link SignIns}); a POST must carry the session's CSRF
 * token (the login form a cookie-bound one), else it is refused with 403 and counted. A read-only token sees
 * every page but its acknowledgements are refused (403, counted). Pages read only immutable snapshots and
 * the thread-safe store. The constructor has no side effects; {@link #register} adds the routes and metrics.
 */
public final class Console {
    static final String AGENT = "";
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final int FORM_LIMIT = 64 * 1024;

    private final Store store;
    private final Supplier<EngineSnapshot> live;
    private final Path incidentsDir;
    private final SignIns signIns;
    private final SignInPages signInPages;
    private final Assets assets = new Assets();
    private final Counter refused = Counter.builder().name("netwarden_console_refused_total")
            .help("Console POSTs refused, by reason: csrf (token missing or wrong), read_only (the token may not write).")
            .labelNames("reason").build();
    private final Counter signInCounter = Counter.builder().name("netwarden_console_signins_total")
            .help("Console sign-in attempts, by result: ok, bad_token, csrf, bad_link.")
            .labelNames("result").build();
    private final Counter storeErrors = Counter.builder().name("netwarden_console_store_errors_total")
            .help("Console pages that could not read the store (it was down or failing); answered 503.").build();
    private final java.util.concurrent.atomic.AtomicLong lastStoreLog = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - 61_000_000_000L);
    private final GaugeWithCallback sessionsGauge;
    private RouterRules routerRules;

    /**
     * @param incidentsDir  where ended incidents are archived with their sample pcap (null: none)
     * @param secureCookies true when the port speaks TLS: the session cookie is then marked Secure
     * @param clockMs       wall clock in epoch milliseconds (sessions expire by it)
     */
    public Console(Store store, Supplier<EngineSnapshot> live, ApiTokens tokens, Path incidentsDir, boolean secureCookies,
                   LongSupplier clockMs) {
        this.incidentsDir = incidentsDir;
        this.store = Objects.requireNonNull(store, "store");
        this.live = Objects.requireNonNull(live, "live");
        this.signIns = new SignIns(Duration.ofHours(2), Duration.ofHours(12), clockMs);
        this.signInPages = new SignInPages(tokens, signIns, secureCookies, signInCounter);
        this.sessionsGauge = GaugeWithCallback.builder().name("netwarden_console_sessions")
                .help("Browsers signed in to the console now.").callback(cb -> cb.call(signIns.size())).build();
    }

    /** Shows the router profile's pages (devices, anomalies, rules) too; call before {@link #register}. */
    public Console withRouter(RouterRules rules) {
        this.routerRules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /** Adds the console's routes to {@code server} and its metrics to {@code registry}; call before the server starts. */
    public void register(NetwardenHttpServer server, PrometheusRegistry registry) {
        registry.register(refused);
        registry.register(signInCounter);
        registry.register(sessionsGauge);
        registry.register(storeErrors);
        server.addPageRoute("GET", "/login", 0, signInPages::form)
                .addPageRoute("POST", "/login", FORM_LIMIT, signInPages::signIn)
                .addPageRoute("GET", "/login/once", 0, signInPages::once)
                .addPageRoute("POST", "/logout", FORM_LIMIT, post(signInPages::signOut, false))
                .addPageRoute("GET", "/assets/{name}", 0, assets::serve);
        Overview overview = new Overview(store, live);
        Incidents incidents = new Incidents(store, live, incidentsDir);
        server.addPageRoute("GET", "/", 0, page("/", overview::page))
                .addPageRoute("GET", "/live/services", 0, page("/live/services", overview::liveServices))
                .addPageRoute("GET", "/incidents", 0, page("/incidents", incidents::list))
                .addPageRoute("POST", "/incidents/ack", FORM_LIMIT, post(incidents::ackMany, true))
                .addPageRoute("GET", "/incidents/{id}", 0, page("/incidents/{id}", incidents::detail))
                .addPageRoute("POST", "/incidents/{id}/ack", FORM_LIMIT, post(incidents::ack, true))
                .addPageRoute("GET", "/incidents/{id}/pcap", 0, page("/incidents/{id}/pcap", incidents::pcap))
                .addPageRoute("GET", "/services/{id}", 0, page("/services/{id}", new ServicePage(store, live)::page))
                .addPageRoute("GET", "/players", 0, page("/players", new Players(store, live)::page))
                .addPageRoute("GET", "/search", 0, page("/search", new SearchPage(store, live)::page))
                .addPageRoute("GET", "/map", 0, page("/map", new MapPage(store, live, assets)::page));
        if (routerRules == null) return;
        RouterPages router = new RouterPages(store, live, routerRules);
        server.addPageRoute("GET", "/devices", 0, page("/devices", router::devices))
                .addPageRoute("GET", "/devices/{address}", 0, page("/devices/{address}", router::device))
                .addPageRoute("POST", "/devices/{address}/name", FORM_LIMIT, post(router::rename, true))
                .addPageRoute("GET", "/anomalies", 0, page("/anomalies", router::anomalies))
                .addPageRoute("GET", "/router/rules", 0, page("/router/rules", router::rules))
                .addPageRoute("POST", "/router/rules", FORM_LIMIT, post(router::addRule, true))
                .addPageRoute("POST", "/router/rules/{id}/delete", FORM_LIMIT, post(router::deleteRule, true));
    }

    /** A path that signs a browser in once as {@code token} (what {@code netwarden demo} prints), valid 30 minutes. */
    public String oneTimeLink(ApiToken token) {
        return "/login/once?code=" + signIns.oneTimeCode(token);
    }

    /** What a page does for a signed-in browser. */
    @FunctionalInterface
    interface Page {
        Response render(PageRequest r) throws Exception;
    }

    /** What a POST does once its session and CSRF token are checked. */
    @FunctionalInterface
    interface Action {
        Response apply(PageRequest r, Form form) throws Exception;
    }

    /** A page for signed-in browsers; others go to {@code /login}, which brings them back here (the same URL). */
    private Handler page(String template, Page p) {
        return r -> {
            var session = signIns.find(SignInPages.sessionId(r));
            if (session.isEmpty()) {
                // htmx swaps only 2xx answers: a live fragment whose session ended sends the whole page to sign in
                if (r.headers().containsKey("HX-Request")) return new Response(401, Pages.HTML, new byte[0], java.util.Map.of("HX-Redirect", "/login"));
                return Pages.redirect("/login?next=" + SortedTable.enc(SignInPages.url(template, r)));
            }
            return guarded(() -> p.render(new PageRequest(r, session.get(), routerRules != null)));
        };
    }

    /** A store that is down makes a page say so (503, logged once a minute) rather than answer a JSON 500. */
    private Response guarded(java.util.concurrent.Callable<Response> page) throws Exception {
        try {
            return page.call();
        } catch (StoreException e) {
            storeErrors.inc();
            long now = System.nanoTime();
            if (now - lastStoreLog.get() > 60_000_000_000L) {
                lastStoreLog.set(now);
                LOG.warn("console: the store does not answer: {}", e.getMessage());
            }
            return Pages.message(503, "History unavailable", "The store does not answer right now; live pages return when it does.");
        }
    }

    private Handler post(Action a, boolean writes) {
        return (Request r) -> {
            var session = signIns.find(SignInPages.sessionId(r));
            if (session.isEmpty()) return Pages.redirect("/login");
            Form form = Form.parse(r.body());
            if (!session.get().csrfMatches(form.first("csrf"))) {
                refused.labelValues("csrf").inc();
                return Pages.message(403, "Refused", "This form is missing its CSRF token or it is wrong: reload the page and try again.");
            }
            if (writes && !session.get().token().canWrite()) {
                refused.labelValues("read_only").inc();
                return Pages.message(403, "Refused", "The token you signed in with is read-only: it cannot acknowledge incidents, rename devices or edit rules.");
            }
            return guarded(() -> a.apply(new PageRequest(r, session.get(), routerRules != null), form));
        };
    }
}
