package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import netwarden.model.EngineSnapshot;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private NetwardenHttpServer server(HttpServerConfig config) {
        return new NetwardenHttpServer(config, new ApiTokens(List.of()), () -> EngineSnapshot.EMPTY, registry);
    }

    @Test
    void constructorHasNoSideEffects() {
        NetwardenHttpServer s = server(ServerHarness.loopback());
        assertThatThrownBy(s::port).isInstanceOf(IllegalStateException.class).hasMessage("server not started");
        assertThat(registry.scrape().size()).isZero();
        s.close(); // closing an unstarted server is a no-op
    }

    @Test
    void startBindsAndCloseReleasesThePort() throws Exception {
        NetwardenHttpServer s = server(ServerHarness.loopback());
        s.start();
        int port = s.port();
        assertThat(port).isPositive();
        assertThat(registry.scrape().stream().map(m -> m.getMetadata().getPrometheusName()))
                .contains("netwarden_http_requests");
        try (Socket probe = new Socket("127.0.0.1", port)) {
            assertThat(probe.isConnected()).isTrue();
        }
        s.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(registry.scrape().size()).isZero();
        s.start(); // a closed server can start again
        s.close();
    }

    @Test
    void startingTwiceFails() throws Exception {
        try (NetwardenHttpServer s = server(ServerHarness.loopback())) {
            s.start();
            assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started on port " + s.port());
        }
    }

    @Test
    void aTakenPortFailsWithIoExceptionAndLeavesNothingRegistered() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            NetwardenHttpServer s = server(ServerHarness.loopback()
                    .withListen(new InetSocketAddress("127.0.0.1", taken.getLocalPort())));
            assertThatThrownBy(s::start).isInstanceOf(IOException.class);
            assertThat(registry.scrape().size()).isZero();
        }
    }

    @Test
    void theFactoryCreatesTheServer() throws Exception {
        int[] calls = {0};
        HttpServerFactory counting = (listen, backlog) -> {
            calls[0]++;
            return HttpServerFactory.PLAIN.create(listen, backlog);
        };
        try (NetwardenHttpServer s = new NetwardenHttpServer(ServerHarness.loopback(), new ApiTokens(List.of()),
                () -> EngineSnapshot.EMPTY, registry, counting)) {
            s.start();
            assertThat(calls[0]).isEqualTo(1);
        }
    }
}
