package netwarden.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/netwarden: finds the JDK, runs the shaded jar, forwards arguments and exit codes, explains failures. */
class LauncherIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void jarExists() {
        Launcher.requireJar();
    }

    @Test
    void versionRunsTheJarAndExitsZero() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("netwarden " + VersionProvider.version()).contains("Java 25");
        assertThat(r.err()).doesNotContain("WARNING"); // native access is enabled, no restricted-method warning
    }

    @Test
    void exitCodesAndArgumentsAreForwarded() throws Exception {
        assertThat(Launcher.run(Map.of(), "--no-such-option").code()).isEqualTo(2);
        Launcher.Result missing = Launcher.run(Map.of(), "replay", dir.resolve("absent file.pcap").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read " + dir.resolve("absent file.pcap") + ": no such file");
        Path spaced = Files.createDirectories(dir.resolve("with space")).resolve("c.yaml");
        Files.writeString(spaced, "flows:\n  capacity: 1000\n");
        Launcher.Result foreign = Launcher.run(Map.of(), "replay", spaced.toString());
        assertThat(foreign.code()).as("a YAML file is no capture").isEqualTo(1);
        assertThat(foreign.err()).contains(spaced + " is not a capture file (pcap or pcapng)");
        Launcher.Result check = Launcher.run(Map.of(), "check-config", spaced.toString());
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("capacity: 1000");
    }

    @Test
    void saysClearlyWhenNoJdk25IsFound() throws Exception {
        // Only a fake Java 17 on PATH, JAVA_HOME pointing nowhere, and no install directories to search.
        Path bin = Files.createDirectories(dir.resolve("fakebin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Launcher.Result r = Launcher.run(Map.of("JAVA_HOME", dir.resolve("nowhere").toString(), "NETWARDEN_JDK_DIRS", "",
                "PATH", Launcher.path(bin)), "--version");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("netwarden: no Java 25 or newer found.")
                .contains("JAVA_HOME=" + dir.resolve("nowhere") + " (no bin/java there)")
                .contains(java + " (Java 17)")
                .contains("export JAVA_HOME=");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theAotTrainingRunKeepsStdoutToTheReportAndTheCacheIsUsedAfter() throws Exception {
        Path jar = Files.copy(Launcher.JAR, dir.resolve("netwarden.jar"));
        Path pcap = Files.write(dir.resolve("game.pcap"), new GameCapture().bytes);
        Map<String, String> env = Map.of("NETWARDEN_JAR", jar.toString());
        for (int run = 1; run <= 2; run++) {
            Launcher.Result r = Launcher.run(env, "replay", pcap.toString(), "--format", "json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().lines()).as("run %d: one JSON line and nothing from the JVM", run).hasSize(1);
            assertThat(r.out()).startsWith("{\"file\":");
            assertThat(r.err()).as("run %d stderr", run).doesNotContain("AOT");
            if (run == 1) { // the cache is built in the background after the first run
                for (long until = System.currentTimeMillis() + 60_000; !Files.exists(dir.resolve("netwarden.aot")) && System.currentTimeMillis() < until; )
                    Thread.sleep(200);
                assertThat(dir.resolve("netwarden.aot")).isRegularFile();
            }
        }
    }

    @Test
    void aFailedReplayTrainsNoCache() throws Exception {
        Path jar = Files.copy(Launcher.JAR, dir.resolve("netwarden.jar"));
        Launcher.Result r = Launcher.run(Map.of("NETWARDEN_JAR", jar.toString()), "replay", dir.resolve("absent.pcap").toString());
        assertThat(r.code()).isEqualTo(1);
        // A training that was started leaves its configuration file (netwarden.aot.config.PID) until its
        // background cache build ends, seconds later: right after the run, nothing may be there.
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing learned from a run that loaded almost nothing")
                    .noneMatch(name -> name.startsWith("netwarden.aot"));
        }
    }

    @Test
    void saysHowToBuildWhenTheJarIsMissing() throws Exception {
        Launcher.Result r = Launcher.run(Map.of("NETWARDEN_JAR", dir.resolve("none.jar").toString()), "--version");
        assertThat(r.code()).isEqualTo(1);
        // The hint names the JDK 25 the launcher found: the default java may be older and fail the build.
        Path jdk = Path.of(System.getProperty("java.home")).toRealPath();
        assertThat(r.err()).contains(dir.resolve("none.jar") + " not found")
                .contains("cd " + Launcher.HOME + " && JAVA_HOME=" + jdk + " ./mvnw -B -DskipTests package");
    }

    @Test
    void theJvmExitsOnOutOfMemory() throws Exception {
        // A thread dying of OutOfMemoryError must end the process, not leave one that answers /healthz.
        Launcher.Result r = Launcher.run(Map.of("NETWARDEN_JAVA_OPTS", "-XX:+PrintFlagsFinal", "NETWARDEN_AOT", "0"), "--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains(" ExitOnOutOfMemoryError "))).singleElement(STRING)
                .matches("\\s*bool\\s+ExitOnOutOfMemoryError\\s+= true\\s+\\{product\\}.*\\{command line\\}");
    }

    @Test
    void theMavenWrapperNamesTheJdkItNeedsWhenStartedOnAnOlderOne() throws Exception {
        // A stand-in JDK 17: with it, Maven itself would fail on .mvn/jvm.config with "Unrecognized option".
        Path jdk17 = Files.createDirectories(dir.resolve("jdk-17/bin"));
        Files.writeString(jdk17.resolveSibling("release"), "JAVA_VERSION=\"17.0.2\"\n");
        for (String tool : new String[] {"java", "javac"}) {
            Path p = jdk17.resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\nexit 3\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(wrapperOn(jdk17.getParent())).contains("netwarden needs JDK 25 or newer to build; " + jdk17.resolve("java") + " is Java 17.")
                .contains("JAVA_HOME=").contains("mvnw -B -q validate").doesNotContain("Unrecognized option");
        // And the real thing, where the host has the distribution's Java 17 (the default java on Debian 12).
        Path real17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isExecutable(real17.resolve("bin/javac")))
            assertThat(wrapperOn(real17)).contains("netwarden needs JDK 25 or newer to build; " + real17.resolve("bin/java") + " is Java 17.")
                    .doesNotContain("Unrecognized option");
    }

    /** Runs {@code ./mvnw -B -q validate} with {@code JAVA_HOME=jdk}; expects exit 1 and returns stderr. */
    private static String wrapperOn(Path jdk) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Launcher.HOME.resolve("mvnw").toString(), "-B", "-q", "validate")
                .directory(Launcher.HOME.toFile());
        pb.environment().put("JAVA_HOME", jdk.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        return err;
    }
}
