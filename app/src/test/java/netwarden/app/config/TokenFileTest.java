package netwarden.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netwarden.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api.tokens[].token-file}: the secret comes from a file (a Docker secret), is never printed, and is checked like any token. */
class TokenFileTest {
    @TempDir
    Path dir;

    @Test
    void theSecretIsReadFromTheFileAndTheFileIsWhatCheckConfigShows() throws Exception {
        Path secret = Files.writeString(dir.resolve("prometheus_token"), "  0123456789abcdef-from-file\n");
        Path config = Files.writeString(dir.resolve("netwarden.yaml"), """
                api:
                  tokens:
                    - name: prometheus
                      token-file: ${SECRETS}/prometheus_token
                      full-addresses: true
                """);
        NetwardenConfig c = new ConfigLoader(Map.of("SECRETS", dir.toString())).load(config);
        ApiTokenSetting t = c.apiTokens().getFirst();
        assertThat(t.token()).isEqualTo("0123456789abcdef-from-file");
        assertThat(t.tokenFile()).isEqualTo(secret);
        assertThat(t.fullAddresses()).isTrue();
        assertThat(t.toString()).contains("tokenFile=" + secret).doesNotContain("0123456789abcdef");

        CliRun check = CliRun.of(Map.of("SECRETS", dir.toString()), "check-config", config.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("- name: prometheus\n    token-file: " + secret + "\n    full-addresses: true")
                .doesNotContain("0123456789abcdef");
    }

    @Test
    void aFileHoldingABadSecretIsAnErrorAtTheKeyThatNamesIt() throws Exception {
        Files.writeString(dir.resolve("short"), "tiny\n");
        String yaml = "api:\n  tokens:\n    - name: p\n      token-file: " + dir.resolve("short") + "\n";
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse("c.yaml", yaml)).isInstanceOf(ConfigException.class)
                .hasMessage("c.yaml:4:7: api.tokens[0].token-file: api token 'p' is too short: 4 characters, at least 16 needed");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse("c.yaml", "api:\n  tokens:\n    - name: p\n"))
                .hasMessage("c.yaml:3:7: api.tokens[0] needs token (the secret, or ${ENV}) or token-file (a file holding it)");
    }
}
