package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpServerConfigTest {
    @Test
    void defaultsListenOnLoopback9420WithMetricsBehindTokens() {
        HttpServerConfig d = HttpServerConfig.defaults();
        assertThat(d.listen().getHostString()).isEqualTo("127.0.0.1");
        assertThat(d.listen().getPort()).isEqualTo(9420).isEqualTo(HttpServerConfig.DEFAULT_PORT);
        assertThat(d.metricsAuth()).isTrue();
        assertThat(d.maxRequestBody()).isEqualTo(8192);
        assertThat(d.stopGrace()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.requestTimeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.responseTimeLimit()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void invalidValuesAreNamed() {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 0);
        assertThatThrownBy(() -> new HttpServerConfig(a, true, -1, 0, Duration.ZERO))
                .hasMessage("maxRequestBody must be >= 0: -1");
        assertThatThrownBy(() -> new HttpServerConfig(a, true, 0, -2, Duration.ZERO))
                .hasMessage("backlog must be >= 0: -2");
        assertThatThrownBy(() -> new HttpServerConfig(a, true, 0, 0, Duration.ofMillis(1500)))
                .hasMessage("stopGrace must be whole seconds between 0 and 1 h: PT1.5S");
        assertThatThrownBy(() -> new HttpServerConfig(null, true, 0, 0, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("listen");
        HttpServerConfig d = HttpServerConfig.defaults();
        assertThatThrownBy(() -> d.withTimeLimits(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("requestTimeLimit must be positive and at most 1 h: PT0S");
        assertThatThrownBy(() -> d.withTimeLimits(Duration.ofSeconds(1), Duration.ofHours(2)))
                .hasMessage("responseTimeLimit must be positive and at most 1 h: PT2H");
    }

    @Test
    void withersChangeOneField() {
        HttpServerConfig c = HttpServerConfig.defaults().withMetricsAuth(false);
        assertThat(c.metricsAuth()).isFalse();
        assertThat(c.listen()).isEqualTo(HttpServerConfig.defaults().listen());
    }
}
