package netwarden.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shipped Prometheus and Alertmanager configs, rewritten for a test run: container paths to
 * the temp directory, targets to the ports of this run, intervals to seconds. Only what a local run
 * must change is changed; every rule expression, route and receiver stays as shipped.
 */
final class StackConfigs {
    private StackConfigs() {}

    /** Ports of one run; the dead ones are free ports nobody listens on. */
    record Ports(int netwarden, int deadNetwarden, int node, int deadNode, int prometheus, int alertmanager, int deadSmtp) {}

    /** Copies the rules with every {@code for} set to 0s, so alerts fire within a test's seconds. */
    static Path rules(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        for (Path file : PromtoolTest.ruleFiles()) {
            Map<String, Object> doc = Yaml.load(file);
            for (Object g : Yaml.list(doc.get("groups"), "groups"))
                for (Object r : Yaml.list(Yaml.map(g, "group").get("rules"), "rules")) {
                    Map<String, Object> rule = Yaml.map(r, "rule");
                    if (rule.containsKey("for")) rule.put("for", "0s");
                }
            Yaml.write(doc, dir.resolve(file.getFileName()));
        }
        return dir;
    }

    static Path prometheus(Path tmp, Ports ports) throws IOException {
        Map<String, Object> c = Yaml.load(Repo.deploy("prometheus/prometheus.yml"));
        Map<String, Object> global = Yaml.map(c.get("global"), "global");
        global.put("scrape_interval", "1s");
        global.put("scrape_timeout", "1s");
        global.put("evaluation_interval", "1s");
        c.put("rule_files", List.of(rules(tmp) + "/*.yml"));
        Map<String, Object> am = Yaml.map(Yaml.list(Yaml.map(c.get("alerting"), "alerting").get("alertmanagers"), "am").getFirst(), "am");
        targets(am, "127.0.0.1:" + ports.alertmanager());
        localFiles(tmp, Yaml.map(am.get("tls_config"), "tls_config"), "ca_file", "cert_file", "key_file");
        for (Object j : Yaml.list(c.get("scrape_configs"), "scrape_configs")) {
            Map<String, Object> job = Yaml.map(j, "job");
            localFiles(tmp, Yaml.map(job.get("tls_config"), "tls_config"), "ca_file", "cert_file", "key_file");
            switch (String.valueOf(job.get("job_name"))) {
                case "netwarden" -> {
                    targets(job, "127.0.0.1:" + ports.netwarden(), "127.0.0.1:" + ports.deadNetwarden());
                    Map<String, Object> auth = Yaml.map(job.get("authorization"), "authorization");
                    auth.put("credentials_file", local(tmp, auth.get("credentials_file")));
                }
                case "node" -> targets(job, "127.0.0.1:" + ports.node(), "127.0.0.1:" + ports.deadNode());
                case "prometheus" -> targets(job, "127.0.0.1:" + ports.prometheus());
                default -> throw new AssertionError("unexpected scrape job " + job.get("job_name"));
            }
        }
        Path out = tmp.resolve("prometheus.yml");
        Yaml.write(c, out);
        return out;
    }

    /**
     * The Alertmanager config as entrypoint.sh renders it (the Discord URL pointing at the fake),
     * then made local: file paths, netwarden's port, the fake's CA, an SMTP port nobody listens on
     * and second-scale grouping.
     */
    static Path alertmanager(Path tmp, Ports ports, String discordUrl) throws IOException, InterruptedException {
        Path rendered = tmp.resolve("alertmanager.rendered.yml");
        Tools.Result r = Tools.run(List.of("sh", Repo.deploy("alertmanager/entrypoint.sh").toString()),
                Map.of("AM_CONFIG_IN", Repo.deploy("alertmanager/alertmanager.yml").toString(), "AM_CONFIG_OUT", rendered.toString(),
                        "ALERTMANAGER_BIN", "true", "DISCORD_WEBHOOK_URL", discordUrl,
                        "SMTP_SMARTHOST", "127.0.0.1:" + ports.deadSmtp()), tmp, 30);
        if (r.exitCode() != 0) throw new AssertionError("entrypoint.sh failed: " + r);
        Map<String, Object> c = Yaml.load(rendered);
        Map<String, Object> global = Yaml.map(c.get("global"), "global");
        global.put("smtp_auth_password_file", local(tmp, global.get("smtp_auth_password_file")));
        Map<String, Object> route = Yaml.map(c.get("route"), "route");
        route.put("group_wait", "1s");
        route.put("group_interval", "2s");
        route.put("repeat_interval", "1m");
        for (Object rc : Yaml.list(c.get("receivers"), "receivers")) {
            Map<String, Object> receiver = Yaml.map(rc, "receiver");
            for (Object w : list(receiver.get("webhook_configs"))) {
                Map<String, Object> hook = Yaml.map(w, "webhook");
                hook.put("url", String.valueOf(hook.get("url")).replace("127.0.0.1:9420", "127.0.0.1:" + ports.netwarden()));
                Map<String, Object> http = Yaml.map(hook.get("http_config"), "http_config");
                Map<String, Object> auth = Yaml.map(http.get("authorization"), "authorization");
                auth.put("credentials_file", local(tmp, auth.get("credentials_file")));
                localFiles(tmp, Yaml.map(http.get("tls_config"), "tls_config"), "ca_file", "cert_file", "key_file");
            }
            for (Object d : list(receiver.get("discord_configs"))) {
                Map<String, Object> discord = Yaml.map(d, "discord");
                if (!discordUrl.equals(discord.get("webhook_url")))
                    throw new AssertionError("entrypoint.sh did not put the Discord URL in: " + discord);
                discord.put("http_config", new java.util.LinkedHashMap<>(Map.of("tls_config",
                        new java.util.LinkedHashMap<>(Map.of("ca_file", tmp.resolve("tls/ca.pem").toString())))));
            }
        }
        Path out = tmp.resolve("alertmanager.yml");
        Yaml.write(c, out);
        return out;
    }

    /**
     * A shipped web config (COMPONENT/web.yml, served with --web.config.file) or healthcheck HTTP client
     * config (COMPONENT/healthcheck.yml) with its certificate paths in this run's tls directory.
     */
    static Path localCopy(Path tmp, String shipped) throws IOException {
        Map<String, Object> c = Yaml.load(Repo.deploy(shipped));
        if (c.containsKey("tls_server_config"))
            localFiles(tmp, Yaml.map(c.get("tls_server_config"), "tls_server_config"), "cert_file", "key_file", "client_ca_file");
        if (c.containsKey("tls_config")) localFiles(tmp, Yaml.map(c.get("tls_config"), "tls_config"), "ca_file", "cert_file", "key_file");
        Path out = tmp.resolve(shipped.replace('/', '-'));
        Yaml.write(c, out);
        return out;
    }

    private static void localFiles(Path tmp, Map<String, Object> section, String... keys) {
        for (String k : keys) section.put(k, local(tmp, section.get(k)));
    }

    private static List<Object> list(Object o) {
        return o == null ? List.of() : Yaml.list(o, "list");
    }

    private static void targets(Map<String, Object> job, String... targets) {
        Map<String, Object> sc = Yaml.map(Yaml.list(job.get("static_configs"), "static_configs").getFirst(), "static_config");
        sc.put("targets", new ArrayList<>(List.of(targets)));
    }

    /** /etc/prometheus/tls/ca.pem → TMP/tls/ca.pem (and the same for /etc/alertmanager/...). */
    private static String local(Path tmp, Object containerPath) {
        String p = String.valueOf(containerPath);
        if (p.startsWith(tmp.toString())) return p; // shared through a YAML alias, already rewritten
        String rest = p.replaceFirst("^/etc/(prometheus|alertmanager|node-exporter)/", "");
        if (rest.equals(p)) throw new AssertionError("not a container config path: " + p);
        return tmp.resolve(rest).toString();
    }
}
