package netwarden.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs {@code bin/netwarden} as a separate process, the way users do (integration tests). */
final class Launcher {
    static final Path HOME = Path.of(System.getProperty("netwarden.home", "..")).toAbsolutePath().normalize();
    static final Path SCRIPT = HOME.resolve("bin/netwarden");
    static final Path JAR = Path.of(System.getProperty("netwarden.jar", HOME.resolve("app/target/netwarden.jar").toString()));

    private Launcher() {}

    record Result(int code, String out, String err) {}

    static void requireJar() {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "runnable jar absent (integration tests run after package): " + JAR);
    }

    /** A process builder for the launcher with JAVA_HOME set to this JVM's JDK (25), plus {@code env}. */
    static ProcessBuilder builder(Map<String, String> env, List<String> args) {
        var command = new java.util.ArrayList<String>();
        command.add(SCRIPT.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("NETWARDEN_API_TOKEN");
        pb.environment().putAll(env);
        return pb;
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = builder(env, List.of(args)).start();
        p.getOutputStream().close();
        var out = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + args[0]);
        }
        return new Result(p.exitValue(), out.join(), err);
    }

    static String path(Path... dirs) {
        var parts = new java.util.ArrayList<String>();
        for (Path d : dirs) parts.add(d.toString());
        parts.add("/usr/bin");
        parts.add("/bin");
        return String.join(File.pathSeparator, parts);
    }
}
