package netwarden.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code promtool check metrics} on exposition text, when promtool is installed. */
public final class Promtool {
    private Promtool() {}

    /** The promtool binary on PATH, or null when absent. */
    public static Path find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    public record Result(int exitCode, String output) {}

    public static Result checkMetrics(Path promtool, byte[] exposition) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish in 30 s");
        }
        return new Result(p.exitValue(), output);
    }
}
