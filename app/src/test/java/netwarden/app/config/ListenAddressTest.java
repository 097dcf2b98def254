package netwarden.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void parsesV4V6LocalhostAndBarePort() {
        assertThat(ListenAddress.parse("127.0.0.1:9420")).isEqualTo(new ListenAddress("127.0.0.1", 9420));
        assertThat(ListenAddress.parse("[::1]:0")).isEqualTo(new ListenAddress("::1", 0));
        assertThat(ListenAddress.parse("localhost:80")).isEqualTo(new ListenAddress("localhost", 80));
        assertThat(ListenAddress.parse(":9500")).isEqualTo(new ListenAddress("127.0.0.1", 9500));
        assertThat(ListenAddress.parse("[::1]:9420").toString()).isEqualTo("[::1]:9420");
        assertThat(ListenAddress.defaults().toString()).isEqualTo("127.0.0.1:9420");
    }

    @Test
    void rejectsMalformedAddressesNamingThem() {
        assertThatThrownBy(() -> ListenAddress.parse("9420")).hasMessageContaining("HOST:PORT").hasMessageContaining("'9420'");
        assertThatThrownBy(() -> ListenAddress.parse("::1:9420")).hasMessageContaining("[ADDR]:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:http")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:70000")).hasMessageContaining("0..65535: 70000");
        assertThatThrownBy(() -> ListenAddress.parse("example.org:80")).hasMessageContaining("not an IP address literal");
    }
}
