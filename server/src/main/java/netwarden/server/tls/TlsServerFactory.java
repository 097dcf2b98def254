package netwarden.server.tls;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLParameters;
import netwarden.model.Clock;
import netwarden.server.HttpServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates HTTPS servers from a {@link TlsServerConfig}: the certificate and key (reloaded when
 * the files change, see {@link ReloadingSslContext}), TLS 1.2 or 1.3 and up, and client
 * certificates asked for and verified as {@link ClientAuthType} says.
 *
 * <p>{@link #load} reads and checks the files at once, so a bad file fails at startup with a
 * {@link TlsConfigException} naming it. When the server binds one specific address that the
 * certificate does not name, {@link #create} logs a warning: clients that connect by that address
 * will refuse the certificate ("no subject alternative name matching ...").
 *
 * <p>Metrics ({@link #register}): {@code netwarden_tls_reloads_total{result="ok|failed"}} and
 * {@code netwarden_tls_certificate_expiry_timestamp_seconds} (notAfter of the served certificate).
 */
public final class TlsServerFactory implements HttpServerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(TlsServerFactory.class);
    /** How often new connections look at the files' stamps. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final TlsServerConfig config;
    private final ReloadingSslContext context;
    private List<io.prometheus.metrics.model.registry.Collector> collectors = List.of();

    private TlsServerFactory(TlsServerConfig config, ReloadingSslContext context) {
        this.config = config;
        this.context = context;
    }

    /** Reads and checks the TLS files now. @throws TlsConfigException when they cannot serve */
    public static TlsServerFactory load(TlsServerConfig config, Clock clock) {
        return load(config, clock, CHECK_INTERVAL);
    }

    /** As {@link #load(TlsServerConfig, Clock)} with another file check interval (0: every connection). */
    public static TlsServerFactory load(TlsServerConfig config, Clock clock, Duration checkInterval) {
        return new TlsServerFactory(config, new ReloadingSslContext(config, clock, checkInterval));
    }

    @Override
    public HttpServer create(InetSocketAddress listen, int backlog) throws IOException {
        HttpsServer server = HttpsServer.create(listen, backlog);
        server.setHttpsConfigurator(new HttpsConfigurator(context.context()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setProtocols(config.minVersion().protocols().toArray(String[]::new));
                switch (config.clientAuth()) {
                    case REQUIRE_AND_VERIFY_CLIENT_CERT -> p.setNeedClientAuth(true);
                    case VERIFY_CLIENT_CERT_IF_GIVEN -> p.setWantClientAuth(true);
                    case NO_CLIENT_CERT -> { }
                }
                params.setSSLParameters(p);
            }
        });
        warnIfNotNamed(listen);
        return server;
    }

    private void warnIfNotNamed(InetSocketAddress listen) {
        if (listen.getAddress() == null || listen.getAddress().isAnyLocalAddress()) return;
        String host = listen.getAddress().getHostAddress();
        X509Certificate cert = certificate();
        if (!CertificateChecks.covers(cert, host))
            LOG.warn("the TLS certificate {} does not name the listen address {} (it names {});"
                    + " clients connecting to {} will refuse it unless they set a server name the certificate has",
                    config.certFile(), host, CertificateChecks.names(cert), host);
    }

    /** The certificate served to new connections now. */
    public X509Certificate certificate() {
        return context.certificate();
    }

    /** Checks the files now (ignoring the interval); true if new connections now get new files. */
    public boolean reloadIfChanged() {
        return context.reloadIfChanged();
    }

    public TlsServerConfig config() {
        return config;
    }

    /** Registers the reload counter and the certificate expiry gauge. */
    public synchronized void register(PrometheusRegistry registry) {
        var reloads = CounterWithCallback.builder()
                .name("netwarden_tls_reloads_total")
                .help("Reloads of the TLS certificate, key and client CA files after they changed, by result.")
                .labelNames("result")
                .callback(cb -> {
                    cb.call(context.reloads(), "ok");
                    cb.call(context.failures(), "failed");
                })
                .register(registry);
        var expiry = GaugeWithCallback.builder()
                .name("netwarden_tls_certificate_expiry_timestamp_seconds")
                .help("When the served TLS certificate expires (its notAfter), seconds since the epoch.")
                .callback(cb -> cb.call(certificate().getNotAfter().getTime() / 1000.0))
                .register(registry);
        collectors = List.of(reloads, expiry);
    }

    public synchronized void unregister(PrometheusRegistry registry) {
        collectors.forEach(registry::unregister);
        collectors = List.of();
    }
}
