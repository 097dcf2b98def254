package netwarden.ship.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaxWithJitterInTheUpperHalf() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(1));
        for (int n = 1; n <= 200; n++) {
            long cap = Math.min(10_000, 100L << Math.min(n - 1, 30));
            long ms = b.delay(n).toMillis();
            assertThat(ms).as("failure %d", n).isBetween(cap / 2, cap);
        }
        // Jitter: two agents with different seeds do not wait the same.
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(2)).delay(5))
                .isNotEqualTo(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(3)).delay(5));
    }

    @Test
    void plainHttpOnlyToLoopback() {
        ShipperConfig.defaults(URI.create("http://127.0.0.1:8080"), null);
        ShipperConfig.defaults(URI.create("http://[::1]:8080"), null);
        ShipperConfig.defaults(URI.create("http://localhost:8080"), null);
        ShipperConfig.defaults(URI.create("https://central.example:8443"), "0123456789abcdef");
        assertThatThrownBy(() -> ShipperConfig.defaults(URI.create("http://192.0.2.10:8080"), null)).hasMessageContaining("https://");
        assertThatThrownBy(() -> ShipperConfig.defaults(URI.create("http://central.example:8080"), null)).hasMessageContaining("https://");
        assertThatThrownBy(() -> ShipperConfig.defaults(URI.create("ftp://127.0.0.1"), null)).hasMessageContaining("https://");
        assertThatThrownBy(() -> ShipperConfig.defaults(URI.create("https://a:1"), "short")).hasMessageContaining("token");
    }
}
