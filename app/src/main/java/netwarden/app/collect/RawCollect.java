package netwarden.app.collect;

import java.util.List;

/**
 * The {@code collect:} section as written (every field nullable: absent means the default):
 *
 * <pre>
 * collect:
 *   netflow: ["0.0.0.0:2055"]        # NetFlow v5, v9 and IPFIX on each port
 *   sflow: ["[::]:6343"]             # sFlow v5
 *   receive-buffer: 32MiB            # SO_RCVBUF asked for; capped by net.core.rmem_max (logged)
 *   queue-capacity: 65536            # datagrams waiting for the decoder; beyond, dropped and counted
 *   max-templates: 65536
 *   max-clock-skew: 30s              # records ending further ahead of the local clock are re-timed to their receive time
 *   sampling-overrides: ["192.0.2.0/24=1000", "198.51.100.7=512"]
 * </pre>
 */
public record RawCollect(List<String> netflow, List<String> sflow, String receiveBuffer, Integer queueCapacity, Integer maxTemplates,
                         String maxClockSkew, List<String> samplingOverrides) {}
