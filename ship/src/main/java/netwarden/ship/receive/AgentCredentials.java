package netwarden.ship.receive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netwarden.ship.format.ShipBatch;

/**
 * Who may ship: one token per agent (kept as its SHA-256, compared in constant time), agents that
 * were revoked, and the server's own credentials, which are never an agent's.
 */
public final class AgentCredentials {
    /** What a presented token is. */
    public sealed interface Who {}
    public record Agent(String agentId) implements Who {}
    public record Revoked(String agentId) implements Who {}
    public record Server() implements Who {}
    public record Unknown() implements Who {}

    private final Map<String, String> agentByHash = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Set<String> serverHashes = ConcurrentHashMap.newKeySet();

    /**
     * Replaces every agent at once (the server's agents file was edited): {@code hashByAgent} maps an agent id to
     * the SHA-256 (hex) of its token, {@code revokedAgents} are refused. Server credentials stay.
     */
    public synchronized void replaceAgents(Map<String, String> hashByAgent, Set<String> revokedAgents) {
        for (var e : hashByAgent.entrySet()) {
            if (!ShipBatch.validAgentId(e.getKey())) throw new IllegalArgumentException("agentId must be 1..64 of [A-Za-z0-9._-]: " + e.getKey());
            if (!e.getValue().matches("[0-9a-f]{64}")) throw new IllegalArgumentException("agent " + e.getKey() + ": not a SHA-256 in hex");
            if (serverHashes.contains(e.getValue())) throw new IllegalArgumentException("agent " + e.getKey() + " token is a server credential");
        }
        Map<String, String> byHash = new java.util.HashMap<>();
        hashByAgent.forEach((agent, h) -> byHash.put(h, agent));
        agentByHash.keySet().retainAll(byHash.keySet());
        agentByHash.putAll(byHash);
        revoked.retainAll(revokedAgents);
        revoked.addAll(revokedAgents);
    }

    /** The SHA-256 (hex) of a token, as the agents file keeps it. */
    public static String sha256(String token) {
        checkToken(token);
        return hash(token);
    }

    /** Lets {@code agentId} ship with {@code token} (at least 16 characters). */
    public AgentCredentials addAgent(String agentId, String token) {
        if (!ShipBatch.validAgentId(agentId)) throw new IllegalArgumentException("agentId must be 1..64 of [A-Za-z0-9._-]: " + agentId);
        checkToken(token);
        String h = hash(token);
        if (serverHashes.contains(h)) throw new IllegalArgumentException("agent " + agentId + " token is a server credential");
        agentByHash.put(h, agentId);
        revoked.remove(agentId);
        return this;
    }

    /** A credential of the server itself (its API token): presented for ingest, it is refused. */
    public AgentCredentials addServer(String token) {
        checkToken(token);
        String h = hash(token);
        if (agentByHash.containsKey(h)) throw new IllegalArgumentException("a server credential may not be an agent's token");
        serverHashes.add(h);
        return this;
    }

    public void revoke(String agentId) {
        revoked.add(Objects.requireNonNull(agentId, "agentId"));
    }

    public Who identify(String token) {
        if (token == null || token.isEmpty()) return new Unknown();
        String h = hash(token);
        // Hash equality is a lookup on a digest of the secret, so timing says nothing about the token itself.
        if (serverHashes.contains(h)) return new Server();
        String agent = agentByHash.get(h);
        if (agent == null) return new Unknown();
        return revoked.contains(agent) ? new Revoked(agent) : new Agent(agent);
    }

    private static void checkToken(String token) {
        if (token == null || token.length() < 16) throw new IllegalArgumentException("a token must have at least 16 characters");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
