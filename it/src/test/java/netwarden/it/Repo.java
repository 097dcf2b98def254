package netwarden.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository (and its deploy/ directory) is; surefire passes it as {@code netwarden.repo}. */
final class Repo {
    private Repo() {}

    static Path root() {
        Path root = Path.of(System.getProperty("netwarden.repo", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy")))
            throw new IllegalStateException("no deploy/ under " + root + "; run from the it module or set -Dnetwarden.repo");
        return root;
    }

    static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }
}
