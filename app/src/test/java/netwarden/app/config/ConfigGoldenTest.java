package netwarden.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden config cases in the Akvorado style: {@code configurations/<case>/in.yaml} with either
 * {@code expected.yaml} (the effective config, secrets redacted) or {@code error.txt} (the exact
 * message, located as {@code in.yaml:LINE:COL}). An optional {@code env} file holds NAME=VALUE lines
 * that stand in for the process environment. The user's home is its HOME, else {@value #USER_HOME}; the heap 1 GiB.
 * An {@code error.txt} lists every problem of the file, one a line, in the order of the file.
 */
class ConfigGoldenTest {
    static final String USER_HOME = "/home/op";
    /** The heap the cases are checked against (flows.capacity must fit), whatever the test JVM has. */
    static final long HEAP = 1L << 30;

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/configurations").toURI());
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(root)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(10);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String in = Files.readString(dir.resolve("in.yaml"));
        Map<String, String> env = env(dir.resolve("env"));
        ConfigLoader loader = new ConfigLoader(env, env.getOrDefault("HOME", USER_HOME), HEAP);
        Path expected = dir.resolve("expected.yaml");
        Path error = dir.resolve("error.txt");
        assertThat(Files.exists(expected) ^ Files.exists(error)).as("%s needs expected.yaml or error.txt, not both", dir).isTrue();
        if (Files.exists(expected)) {
            NetwardenConfig config = loader.parse("in.yaml", in);
            String rendered = ConfigRenderer.render(config);
            // -Dnetwarden.golden.update=true rewrites the expected files in src/test/resources (review the diff).
            if (Boolean.getBoolean("netwarden.golden.update"))
                Files.writeString(Path.of("src/test/resources/configurations").resolve(dir.getFileName()).resolve("expected.yaml"), rendered);
            else assertThat(rendered).isEqualTo(Files.readString(expected));
            // The printed config is itself a valid config meaning the same thing (when it shows no redacted secret).
            boolean secrets = rendered.contains(ConfigRenderer.REDACTED) || rendered.contains("/…");
            if (!secrets) assertThat(new ConfigLoader(Map.of(), "/elsewhere", HEAP).parse("out.yaml", rendered)).isEqualTo(config);
        } else {
            String message = Files.readString(error, StandardCharsets.UTF_8).strip();
            assertThatThrownBy(() -> loader.parse("in.yaml", in)).isInstanceOf(ConfigException.class).hasMessage(message);
        }
    }

    static Map<String, String> env(Path file) throws IOException {
        var env = new LinkedHashMap<String, String>();
        if (!Files.exists(file)) return env;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }
}
