package netwarden.app.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.receive.AgentCredentials;

/**
 * The server's agents: {@code STATE_DIR/agents}, one line per agent, {@code ID SHA256-OF-TOKEN [revoked]}
 * ({@code #} comments). Only token hashes are kept, so the file leaks no token; it is written 0600 by atomic
 * rename. {@code netwarden server add-agent ID} issues a token; {@code revoke-agent ID} marks it revoked, which a
 * running server picks up within seconds.
 */
public final class AgentsFile {
    public static final String NAME = "agents";

    /** What the file holds. */
    public record Agents(Map<String, String> hashByAgent, Set<String> revoked) {
        public Agents {
            hashByAgent = Map.copyOf(hashByAgent);
            revoked = Set.copyOf(revoked);
        }
    }

    private AgentsFile() {}

    /** The agents; none when the file is missing. A malformed line fails with its number. */
    public static Agents read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Agents(Map.of(), Set.of());
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        Set<String> revoked = new LinkedHashSet<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] f = l.split("\\s+");
            if (f.length < 2 || f.length > 3 || !ShipBatch.validAgentId(f[0]) || !f[1].matches("[0-9a-f]{64}")
                    || (f.length == 3 && !f[2].equals("revoked")))
                throw new IOException(file + ":" + n + ": expected 'ID SHA256 [revoked]'");
            hashes.put(f[0], f[1]);
            if (f.length == 3) revoked.add(f[0]);
        }
        return new Agents(hashes, revoked);
    }

    /** Adds {@code id} with a new random token (or replaces its token); returns the token, which is not kept. */
    public static String add(Path file, String id) throws IOException {
        if (!ShipBatch.validAgentId(id)) throw new IllegalArgumentException("agent id must be 1..64 of A-Z a-z 0-9 . _ -: " + id);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Agents a = read(file);
        Map<String, String> hashes = new LinkedHashMap<>(a.hashByAgent());
        hashes.put(id, AgentCredentials.sha256(token));
        Set<String> revoked = new LinkedHashSet<>(a.revoked());
        revoked.remove(id);
        write(file, new Agents(hashes, revoked));
        return token;
    }

    /** Marks {@code id} revoked; false when there is no such agent. */
    public static boolean revoke(Path file, String id) throws IOException {
        Agents a = read(file);
        if (!a.hashByAgent().containsKey(id)) return false;
        Set<String> revoked = new LinkedHashSet<>(a.revoked());
        revoked.add(id);
        write(file, new Agents(a.hashByAgent(), revoked));
        return true;
    }

    private static void write(Path file, Agents a) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# netwarden server agents: ID SHA256-OF-TOKEN [revoked]  (netwarden server add-agent / revoke-agent)");
        a.hashByAgent().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(e.getKey() + " " + e.getValue() + (a.revoked().contains(e.getKey()) ? " revoked" : "")));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, NAME, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
