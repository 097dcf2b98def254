package netwarden.app.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netwarden.engine.router.DeviceBaseline;
import netwarden.model.Ip;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's learned per-device baselines on disk ({@code <state.dir>/router/baselines.json}):
 * {@code {"version":1,"devices":{"192.168.1.20":{"first_seen":..,"destinations":{"203.0.113.10":<epoch s>},
 * "asns":[..],"protos":[..],"ports":{"443":n},"connections":n,"egress":[..],"fanout":[..]}}}}.
 *
 * <p>Loading never fails the caller: an absent file is a cold start (INFO); one that is not a regular file, larger
 * than {@value #MAX_BYTES} bytes (not read) or corrupt is moved aside to {@code baselines.json.corrupt} with a WARN
 * and learning starts over. Saving writes a temporary file and renames it over the old one.
 */
final class RouterBaselineFile {
    /** ~10,000 destinations of 30 bytes and two day-long minute series per device: some hundred devices fit. */
    static final int MAX_BYTES = 64 << 20;
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(RouterBaselineFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    RouterBaselineFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Map<Ip, DeviceBaseline> load() {
        byte[] bytes;
        try {
            bytes = StateFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            LOG.info("no saved router baselines at {}: learning the devices from scratch", file);
            return Map.of();
        } catch (StateFiles.DamagedException e) {
            LOG.warn("router baselines {} cannot be used ({}); {}; learning from scratch", file, e.getMessage(), StateFiles.moveAside(file));
            return Map.of();
        } catch (IOException e) {
            LOG.warn("cannot read router baselines {} ({}): learning from scratch", file, e.toString());
            return Map.of();
        }
        try {
            Map<Ip, DeviceBaseline> out = parse(bytes);
            LOG.info("loaded the router baselines of {} devices from {}", out.size(), file);
            return out;
        } catch (IOException | RuntimeException e) {
            LOG.warn("router baselines {} are corrupt ({}); {}; learning from scratch", file,
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""), StateFiles.moveAside(file));
            return Map.of();
        }
    }

    void save(Map<Ip, DeviceBaseline> baselines) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("version", VERSION);
        ObjectNode all = root.putObject("devices");
        baselines.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            DeviceBaseline b = e.getValue();
            ObjectNode d = all.putObject(e.getKey().toString()).put("first_seen", b.firstSeen().getEpochSecond());
            ObjectNode dst = d.putObject("destinations");
            b.destinations().forEach((ip, t) -> dst.put(ip.toString(), t.getEpochSecond()));
            b.asns().stream().sorted().forEach(d.putArray("asns")::add);
            b.protos().stream().sorted().forEach(d.putArray("protos")::add);
            ObjectNode ports = d.putObject("ports");
            b.portCounts().forEach((p, n) -> ports.put(String.valueOf(p), n));
            d.put("connections", b.connections());
            b.egressMinutes().forEach(d.putArray("egress")::add);
            b.fanoutMinutes().forEach(d.putArray("fanout")::add);
        });
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writeValue(out, root);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<Ip, DeviceBaseline> parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject()) throw new IOException("not a JSON object");
        if (root.path("version").asInt(-1) != VERSION) throw new IOException("unsupported version " + root.get("version"));
        JsonNode all = root.get("devices");
        if (all == null || !all.isObject()) throw new IOException("'devices' is not an object");
        var out = new HashMap<Ip, DeviceBaseline>();
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            JsonNode d = e.getValue();
            var dst = new LinkedHashMap<Ip, Instant>();
            for (Map.Entry<String, JsonNode> x : d.path("destinations").properties()) dst.put(Ip.parse(x.getKey()), Instant.ofEpochSecond(number(x.getValue(), x.getKey())));
            Set<Long> asns = new HashSet<>();
            for (JsonNode a : d.path("asns")) asns.add(number(a, "asns"));
            Set<Integer> protos = new HashSet<>();
            for (JsonNode p : d.path("protos")) protos.add((int) number(p, "protos"));
            var ports = new HashMap<Integer, Long>();
            for (Map.Entry<String, JsonNode> x : d.path("ports").properties()) ports.put(Integer.parseInt(x.getKey()), number(x.getValue(), "ports"));
            out.put(Ip.parse(e.getKey()), new DeviceBaseline(Instant.ofEpochSecond(number(d.get("first_seen"), "first_seen")), dst, asns,
                    protos, ports, number(d.get("connections"), "connections"), longs(d.path("egress")), longs(d.path("fanout"))));
        }
        return out;
    }

    private static List<Long> longs(JsonNode array) throws IOException {
        var out = new ArrayList<Long>();
        for (JsonNode n : array) out.add(number(n, "minutes"));
        return out;
    }

    private static long number(JsonNode n, String what) throws IOException {
        if (n == null || !n.canConvertToLong()) throw new IOException(what + " is not a whole number: " + n);
        return n.longValue();
    }
}
