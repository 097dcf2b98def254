package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import netwarden.server.HttpServerConfig;
import org.junit.jupiter.api.Test;

class HttpTimeLimitsTest {
    private static HttpServerConfig with(Map<String, String> props) {
        return HttpTimeLimits.apply(HttpServerConfig.defaults(), props::get);
    }

    @Test
    void defaultsUnlessTheOperatorSetTheJdkProperties() {
        assertThat(with(Map.of()).requestTimeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(with(Map.of()).responseTimeLimit()).isEqualTo(Duration.ofSeconds(60));
        HttpServerConfig c = with(Map.of(HttpTimeLimits.REQUEST, "2", HttpTimeLimits.RESPONSE, "600"));
        assertThat(c.requestTimeLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.responseTimeLimit()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void noLimitBecomesTheLongestAndGarbageKeepsTheDefault() {
        HttpServerConfig c = with(Map.of(HttpTimeLimits.REQUEST, "-1", HttpTimeLimits.RESPONSE, "soon"));
        assertThat(c.requestTimeLimit()).isEqualTo(Duration.ofHours(1));
        assertThat(c.responseTimeLimit()).isEqualTo(Duration.ofSeconds(60));
    }
}
