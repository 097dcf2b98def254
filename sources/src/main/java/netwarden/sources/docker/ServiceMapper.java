package netwarden.sources.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * A container to its services, pure. The game port comes from {@code portEnv} (Pterodactyl/Pelican:
 * {@code SERVER_PORT}), else each published port is a service. Panel containers ({@code P_SERVER_UUID})
 * are named by the server's short UUID (its first 8 characters, as the panels show it) unless the
 * config names another source.
 */
final class ServiceMapper {
    private ServiceMapper() {}

    /** The services, or a problem (a port variable that is not a port) with the published-port fallback. */
    record Mapping(List<ContainerService> services, String problem) {}

    static boolean matches(Container c, List<String> labels) {
        for (String l : labels) {
            int eq = l.indexOf('=');
            String key = eq < 0 ? l : l.substring(0, eq);
            String v = c.labels().get(key);
            if (v == null || (eq >= 0 && !v.equals(l.substring(eq + 1)))) return false;
        }
        return true;
    }

    static Mapping map(Container c, DockerConfig config) {
        if (!matches(c, config.labels())) return new Mapping(List.of(), null);
        String uuid = c.panelUuid();
        String shortUuid = uuid == null ? null : uuid.substring(0, Math.min(8, uuid.length()));
        String base = uuid != null && config.id().equals(ServiceNaming.NAME) ? shortUuid : config.id().apply(c);
        String name = uuid != null && config.name().equals(ServiceNaming.NAME) ? panel(c) + " " + shortUuid : config.name().apply(c);

        String envVar = config.portEnv() != null && c.env().containsKey(config.portEnv()) ? config.portEnv()
                : uuid != null && c.env().containsKey("SERVER_PORT") ? "SERVER_PORT" : null;
        List<String[]> ports = new ArrayList<>(); // {proto, port, source}
        String problem = null;
        if (envVar != null) {
            String v = c.env().get(envVar).trim();
            if (v.matches("\\d{1,5}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 65_535) {
                ports.add(new String[] {config.portProtocol(), v, "env:" + envVar});
            } else {
                problem = envVar + " is not a port";
            }
        }
        if (ports.isEmpty() && config.publishedPorts()) {
            for (String p : c.published()) {
                String[] pp = p.split("/");
                if (pp[1].equals("udp") || pp[1].equals("tcp")) ports.add(new String[] {pp[1], pp[0], "published"});
            }
        }
        List<ContainerService> out = new ArrayList<>();
        for (String[] p : ports) {
            boolean one = ports.size() == 1;
            int port = Integer.parseInt(p[1]);
            out.add(new ContainerService(one ? base : base + "-" + p[0] + "-" + port, one ? name : name + " " + p[0] + "/" + port,
                    c.id(), c.name(), p[0], port, p[2]));
        }
        return new Mapping(List.copyOf(out), problem);
    }

    private static String panel(Container c) {
        String service = c.labels().get("Service");
        return service != null && !service.isBlank() ? service : "Pterodactyl";
    }
}
