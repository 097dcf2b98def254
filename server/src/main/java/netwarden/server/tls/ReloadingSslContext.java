package netwarden.server.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import netwarden.model.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link SSLContext} that follows the TLS files: when the certificate, key or client CA file
 * changes, new connections get a context built from the new files; open connections keep theirs.
 *
 * <p>Design notes: the JDK HTTPS server takes one SSLContext for good, so the context handed out
 * is a facade whose SPI delegates every call to the current real context, held in a volatile
 * field. Each new connection creates an SSLEngine; at most once per check interval that call first
 * compares the files' stamps (mtime, size, inode) with those taken at the last load, and reloads on
 * a difference. A reload that fails (a half-written file, a key that does not match yet, an expired
 * certificate) keeps the old context, is logged once per distinct error and counted, and is retried
 * at the next interval; the same files are not re-read until they change again. Thread-safe.
 */
final class ReloadingSslContext {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingSslContext.class);

    private record Current(ServerCredentials credentials, SSLContext context) {}

    private final TlsServerConfig config;
    private final Clock clock;
    private final long intervalNanos;
    private final SSLContext facade;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Current current;
    private long nextCheckNanos;
    private FileStamps failedStamps;
    private String lastError;

    /** Loads the files now; throws {@link TlsConfigException} if they cannot serve. */
    ReloadingSslContext(TlsServerConfig config, Clock clock, Duration checkInterval) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (checkInterval.isNegative()) throw new IllegalArgumentException("checkInterval must be >= 0: " + checkInterval);
        this.intervalNanos = checkInterval.toNanos();
        this.current = build(ServerCredentials.load(config, now()));
        this.nextCheckNanos = clock.nanos() + intervalNanos;
        SSLContext first = current.context();
        this.facade = new Facade(new SwitchingSpi(), first.getProvider(), first.getProtocol());
    }

    /** The context to give the server; it always creates engines from the newest good files. */
    SSLContext context() {
        return facade;
    }

    X509Certificate certificate() {
        return current.credentials().certificate();
    }

    long reloads() {
        return reloads.get();
    }

    long failures() {
        return failures.get();
    }

    /** Reloads if the interval has passed and the files changed; true if a new context is now in use. */
    boolean maybeReload() {
        synchronized (this) {
            long now = clock.nanos();
            if (now - nextCheckNanos < 0) return false;
            nextCheckNanos = now + intervalNanos;
        }
        return reloadIfChanged();
    }

    /** Checks the files now, regardless of the interval; true if a new context is now in use. */
    synchronized boolean reloadIfChanged() {
        if (!current.credentials().stamps().changed()) return false;
        if (failedStamps != null && !failedStamps.changed()) return false; // same broken files as last time
        FileStamps before = FileStamps.of(current.credentials().stamps().stamps().stream().map(FileStamps.Stamp::file).toList());
        try {
            ServerCredentials fresh = ServerCredentials.load(config, now());
            current = build(fresh);
            reloads.incrementAndGet();
            failedStamps = null;
            lastError = null;
            LOG.info("TLS files changed: now serving {}, valid until {}",
                    CertificateChecks.subject(fresh.certificate()), fresh.certificate().getNotAfter().toInstant());
            return true;
        } catch (TlsConfigException e) {
            failures.incrementAndGet();
            failedStamps = before;
            if (!e.getMessage().equals(lastError))
                LOG.warn("TLS files changed but cannot be used; still serving the previous certificate: {}",
                        e.getMessage());
            lastError = e.getMessage();
            return false;
        }
    }

    private Instant now() {
        long n = clock.nanos();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    private static Current build(ServerCredentials credentials) {
        return new Current(credentials, credentials.sslContext());
    }

    private SSLContext active() {
        maybeReload();
        return current.context();
    }

    private static final class Facade extends SSLContext {
        Facade(SSLContextSpi spi, java.security.Provider provider, String protocol) {
            super(spi, provider, protocol);
        }
    }

    /** Delegates to the current context; engines are where a reload may happen. */
    private final class SwitchingSpi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("this context is built from the TLS files and cannot be re-initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return active().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return active().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return active().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return active().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return current.context().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return current.context().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return current.context().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return current.context().getSupportedSSLParameters();
        }
    }
}
