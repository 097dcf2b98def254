package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTimeoutsTest {
    private String request, response;

    @BeforeEach
    void save() {
        request = System.getProperty(HttpTimeouts.REQUEST);
        response = System.getProperty(HttpTimeouts.RESPONSE);
    }

    @AfterEach
    void restore() {
        set(HttpTimeouts.REQUEST, request);
        set(HttpTimeouts.RESPONSE, response);
    }

    @Test
    void setsLimitsWhereNoneWereGivenAndKeepsAnOperatorsOwn() {
        System.clearProperty(HttpTimeouts.REQUEST);
        System.setProperty(HttpTimeouts.RESPONSE, "5");
        HttpTimeouts.applyDefaults();
        assertThat(System.getProperty(HttpTimeouts.REQUEST)).isEqualTo("30");
        assertThat(System.getProperty(HttpTimeouts.RESPONSE)).isEqualTo("5");
    }

    private static void set(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
