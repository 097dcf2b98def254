package netwarden.app.run;

import java.nio.file.Path;
import netwarden.app.config.ListenAddress;
import netwarden.app.config.NetwardenConfig;
import picocli.CommandLine.Option;

/** The HTTP flags of {@code run}, which {@code check-config} takes too so it checks what run would serve. */
public final class HttpOptions {
    @Option(names = "--listen", paramLabel = "ADDR:PORT", description = "HTTP listen address (default 127.0.0.1:9420).")
    ListenAddress listen;

    @Option(names = "--web-config", paramLabel = "FILE",
            description = "Web config file (Prometheus web.config.file format): HTTPS, client certificates, basic auth for /metrics.")
    Path webConfig;

    @Option(names = "--allow-plain-http", description = "Serve plain HTTP on a non-loopback address (tokens and player data unencrypted).")
    boolean allowPlainHttp;

    /** {@code c} with the flags given applied over it. */
    public NetwardenConfig applyTo(NetwardenConfig c) {
        if (listen != null) c = c.withHttp(c.http().withListen(listen));
        if (webConfig != null) c = c.withHttp(c.http().withWebConfig(webConfig));
        if (allowPlainHttp) c = c.withHttp(c.http().withAllowPlainHttp(true));
        return c;
    }
}
