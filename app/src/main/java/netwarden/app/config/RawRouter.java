package netwarden.app.config;

import java.util.List;

/** The {@code router} section as written (see {@link RouterBinder} and docs/router.md); every field nullable. */
record RawRouter(Boolean enabled, List<String> lan, List<String> interfaces, String netns, Integer devices, Conntrack conntrack,
                 Dns dns, List<NflogGroup> nflog, Anomalies anomalies, List<Rule> rules) {
    record Conntrack(Boolean enabled, Integer receiveBuffer) {}

    record Dns(String log, Boolean hashNames, String hashSalt, String bookmark, String pollInterval, Integer mapSize, String mapTtl) {}

    record NflogGroup(Integer group, String action) {}

    record Anomalies(Boolean enabled, String learning, String dormantAfter, Double rarePortShare, Integer rarePortMinConnections,
                     Integer scanPorts, Double baselineFactor, Long egressFloor, Integer fanoutFloor, Integer dropsPerMinute,
                     Integer maxDestinations, String incidentQuiet) {}

    record Rule(String type, String device, String remote, Long asn, String org, Integer port, String code) {}
}
