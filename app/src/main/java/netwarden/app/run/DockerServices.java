package netwarden.app.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.model.ingest.ServiceRegistry;
import netwarden.sources.docker.ContainerService;
import netwarden.sources.docker.DockerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers' services onto the engine's runtime services. A static {@code services:} entry wins: a
 * container service with its name or its key is skipped (counted). Only services added here are removed here.
 * Runs on the discovery thread; the engine applies the changes when its second closes.
 */
final class DockerServices implements DockerListener {
    private static final Logger LOG = LoggerFactory.getLogger(DockerServices.class);

    private final ServiceRegistry engine;
    private final Ip address;
    private final List<ServiceSpec> configured;
    private final Map<String, String> added = new HashMap<>(); // container service id -> engine service name
    private final AtomicLong shadowed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    DockerServices(ServiceRegistry engine, Ip address, List<ServiceSpec> configured) {
        this.engine = engine;
        this.address = address;
        this.configured = configured;
    }

    /** Container services skipped because a static entry has their name or key. */
    long shadowed() { return shadowed.get(); }

    /** Container services the engine refused (name or key taken by another discovered one). */
    long rejected() { return rejected.get(); }

    static String serviceName(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() ? "container" : s;
    }

    @Override
    public synchronized void added(ContainerService c) {
        String name = serviceName(c.id());
        ServiceKey key = new ServiceKey(address, Proto.parse(c.protocol()), c.port());
        for (ServiceSpec s : configured) {
            if (s.name().equals(name) || s.key().equals(key)) {
                shadowed.incrementAndGet();
                LOG.info("docker: {} ({}) is configured statically as {}; the static entry wins", name, key, s.name());
                return;
            }
        }
        if (added.containsKey(c.id())) return;
        added.put(c.id(), name);
        engine.addService(new ServiceSpec(name, key, null)).whenComplete((v, e) -> {
            if (e == null) return;
            rejected.incrementAndGet();
            forget(c.id());
            LOG.warn("docker: service {} not added: {}", name, e.getMessage());
        });
    }

    private synchronized void forget(String id) {
        added.remove(id);
    }

    @Override
    public synchronized void removed(ContainerService c, String reason) {
        String name = added.remove(c.id());
        if (name == null) return;
        engine.removeService(name).whenComplete((v, e) -> {
            if (e != null) LOG.debug("docker: service {} not removed: {}", name, e.getMessage());
        });
    }
}
