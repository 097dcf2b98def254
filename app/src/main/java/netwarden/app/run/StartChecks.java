package netwarden.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netwarden.app.config.ConfigProblem;
import netwarden.app.config.HttpSettings;
import netwarden.app.config.NetwardenConfig;
import netwarden.model.Clock;
import netwarden.server.tls.TlsConfigException;
import netwarden.server.tls.WebConfig;
import netwarden.server.tls.WebConfigLoader;
import netwarden.enrich.EnrichConfig;

/**
 * What {@code run} refuses before it starts, beyond the config file itself, so that
 * {@code check-config} refuses the same: plain HTTP on a non-loopback address without
 * {@code allow-plain-http}, a web config or TLS file that cannot serve, a capture file or GeoIP data
 * file named but missing, a state or incidents directory that is a file. Reads the files named (the
 * TLS key and certificates too, as run does), starts nothing.
 *
 * @param problems what would stop {@code run}, by key path
 * @param warnings what {@code run} would log as a warning but accept
 */
public record StartChecks(List<ConfigProblem> problems, List<String> warnings) {
    public static StartChecks of(NetwardenConfig c, Clock clock) {
        var problems = new ArrayList<ConfigProblem>();
        var warnings = new ArrayList<String>();
        web(c.http(), clock, problems, warnings);
        Path pcap = c.source().pcap();
        if (pcap != null && (!Files.isRegularFile(pcap) || !Files.isReadable(pcap)))
            problems.add(new ConfigProblem("source.pcap", pcap.toString(), "source.pcap: cannot read capture file " + pcap
                    + (Files.exists(pcap) ? ": not a readable file" : ": no such file"), null));
        directory("state.dir", c.state().dir(), problems);
        // A file where the incidents directory belongs inside state.dir is moved aside at start (StateDirs).
        if (!c.incidents().dir().toAbsolutePath().normalize().startsWith(c.state().dir().toAbsolutePath().normalize()))
            directory("incidents.dir", c.incidents().dir(), problems);
        EnrichConfig e = c.enrich().enrich();
        if (e.enabled()) {
            String update = "download the data with 'netwarden geoip update', or remove the setting";
            if (e.countryDb() != null) file("enrich.country-db", e.countryDb(), update, problems);
            for (int i = 0; i < e.asnCsv().size(); i++) file("enrich.asn-csv[" + i + "]", e.asnCsv().get(i), update, problems);
            for (int i = 0; i < e.asnLists().size(); i++) file("enrich.asn-lists[" + i + "]", e.asnLists().get(i), null, problems);
        }
        if (c.enrich().returningStore() != null) directory("enrich.returning-store", c.enrich().returningStore(), problems);
        return new StartChecks(List.copyOf(problems), List.copyOf(warnings));
    }

    private static void web(HttpSettings http, Clock clock, List<ConfigProblem> problems, List<String> warnings) {
        WebConfig web = WebConfig.plainHttp();
        if (http.webConfig() != null) {
            try {
                web = WebConfigLoader.load(http.webConfig());
                web.serverFactory(clock); // reads and checks the certificate and key, as run does
            } catch (TlsConfigException e) {
                problems.add(new ConfigProblem("http.web-config", http.webConfig().toString(), "http.web-config: " + e.getMessage(), null));
                return;
            }
        }
        String noTls = http.webConfig() == null ? "" : " (the web config " + http.webConfig() + " has no tls_server_config)";
        if (web.https()) return;
        if (!http.listen().loopback() && !http.allowPlainHttp()) {
            problems.add(new ConfigProblem("http.listen", http.listen().toString(), "http.listen: refusing to serve plain HTTP on "
                    + http.listen() + ", which is not a loopback address" + noTls + ": bearer tokens and player data would cross the "
                    + "network unencrypted", "serve HTTPS with a web config (--web-config FILE or http.web-config; 'netwarden tls init' "
                    + "writes one), bind 127.0.0.1, or accept the risk with --allow-plain-http (http.allow-plain-http: true)"));
        } else if (http.webConfig() != null) {
            warnings.add("serving plain HTTP on " + http.listen() + noTls + ": add tls_server_config to serve HTTPS");
        } else if (!http.listen().loopback()) {
            warnings.add("serving plain HTTP on " + http.listen() + ", a non-loopback address (allowed by allow-plain-http): bearer "
                    + "tokens and player data cross the network unencrypted");
        }
    }

    private static void directory(String key, Path dir, List<ConfigProblem> problems) {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            problems.add(new ConfigProblem(key, dir.toString(), key + " " + dir + " is not a directory: move that file away", null));
    }

    private static void file(String key, Path file, String fix, List<ConfigProblem> problems) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
            problems.add(new ConfigProblem(key, file.toString(), key + ": " + file + (Files.exists(file) ? " is not a readable file" : " does not exist"), fix));
    }
}
