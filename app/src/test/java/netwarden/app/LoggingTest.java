package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One logging API: what the JDK itself logs (its HTTP server) goes through slf4j like netwarden's own lines. */
class LoggingTest {
    @Test
    void theJdksPlatformLoggerIsBackedBySlf4j() {
        assertThat(System.getLogger("sun.net.httpserver").getClass().getName()).startsWith("org.slf4j.");
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
    }
}
