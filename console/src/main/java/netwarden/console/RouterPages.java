package netwarden.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.Ip;
import netwarden.model.router.AnomalyCode;
import netwarden.server.Response;
import netwarden.store.RouterQueries;
import netwarden.store.RouterRows;
import netwarden.store.Store;

/**
 * The router profile's pages: {@code /devices} (rename with a form), {@code /devices/{address}} (its connections
 * filtered by remote, domain and ASN, its DNS, firewall records and anomalies), {@code /anomalies} (by code,
 * device and time) and {@code /router/rules} (add and delete allowlist and suppression rules). Addresses show as
 * the token may see them; a masked token gets no device links nor rename forms, which would carry full addresses.
 */
final class RouterPages {
    static final int LIMIT = 5000;
    private final Store store;
    private final Supplier<EngineSnapshot> live;
    private final RouterRules rules;

    RouterPages(Store store, Supplier<EngineSnapshot> live, RouterRules rules) {
        this.store = store;
        this.live = live;
        this.rules = rules;
    }

    Response devices(PageRequest r) {
        List<RouterRows.Device> rows = store.devices(Console.AGENT);
        Html h = new Html().raw("<h1>Devices</h1>");
        if (!r.addresses().full()) h.raw("<p class=hint>Your token shows masked addresses: devices cannot be opened or renamed with it.</p>");
        h.raw(new SortedTable<RouterRows.Device>("", List.of(
                SortedTable.col("address", "Address", null, d -> deviceLink(r, d.address())),
                SortedTable.col("name", "Name", Comparator.comparing(d -> d.name() == null ? "" : d.name()), d -> nameCell(r, d)),
                SortedTable.col("mac", "MAC", Comparator.comparing(d -> d.mac() == null ? "" : d.mac()), RouterRows.Device::mac),
                SortedTable.col("first", "First seen", Comparator.comparingLong(RouterRows.Device::firstSeenMs), d -> Fmt.time(d.firstSeenMs())),
                SortedTable.col("last", "Last seen", Comparator.comparingLong(RouterRows.Device::lastSeenMs), d -> Fmt.time(d.lastSeenMs()))))
                .render(rows, r, "/devices", "No devices seen yet."));
        return Pages.html(200, Layout.page("Devices", "Devices", r, h.build()));
    }

    /** The name, and for a token that may write and see addresses a form that renames the device. */
    private static Object nameCell(PageRequest r, RouterRows.Device d) {
        if (!r.canWrite() || !r.addresses().full()) return d.name();
        return new Html().f("<form method=post action=\"/devices/%s/name\" class=rename>", Paths.seg(d.address()))
                .f("<input type=hidden name=csrf value=\"%s\">", r.session().csrf())
                .f("<input name=name value=\"%s\" maxlength=100 aria-label=\"name of %s\">", d.name(), d.address())
                .raw("<button type=submit>Rename</button></form>").build();
    }

    static Html.Raw deviceLink(PageRequest r, String address) {
        String shown = Fmt.address(address, r.addresses());
        if (!r.addresses().full()) return new Html().f("<span class=addr>%s</span>", shown).build();
        return new Html().f("<a class=addr href=\"/devices/%s\">%s</a>", Paths.seg(address), shown).build();
    }

    Response rename(PageRequest r, Form f) {
        String address = r.param("address"), name = f.first("name");
        Ip ip;
        try {
            ip = Ip.parse(address);
        } catch (IllegalArgumentException e) {
            return Pages.notFound("No device " + address + ".");
        }
        if (name != null && name.length() > 100) return Pages.message(400, "Name too long", "A device name has at most 100 characters.");
        if (!store.renameDevice(Console.AGENT, ip.toString(), name == null ? "" : name)) return Pages.notFound("No device " + address + " is known.");
        return Pages.redirect("/devices");
    }

    Response device(PageRequest r) {
        String address = r.param("address");
        Ip ip;
        try {
            ip = Ip.parse(address);
        } catch (IllegalArgumentException e) {
            return Pages.notFound("No device " + address + ".");
        }
        if (!r.addresses().full()) return Pages.message(403, "Masked addresses", "Your token shows masked addresses: it cannot open a device by its address.");
        String dev = ip.toString(), path = "/devices/" + Paths.seg(dev);
        RouterRows.Device known = store.devices(Console.AGENT).stream().filter(d -> d.address().equals(dev)).findFirst().orElse(null);
        if (known == null) return Pages.notFound("No device " + dev + " is known.");
        Range range = Range.of(r, Now.ms(live), "");
        long from = range.all() ? 0 : range.fromMs(), to = range.all() ? Long.MAX_VALUE : range.toMs();
        Html h = new Html().f("<h1>%s%s</h1><dl class=facts>", dev, known.name() == null ? "" : " · " + known.name())
                .f("<div><dt>MAC</dt><dd>%s</dd></div>", known.mac())
                .f("<div><dt>First seen</dt><dd>%s</dd></div>", Fmt.time(known.firstSeenMs()))
                .f("<div><dt>Last seen</dt><dd>%s</dd></div>", Fmt.time(known.lastSeenMs())).raw("</dl>");
        h.f("<form method=get action=\"%s\" class=filters>", path)
                .f("<label>remote <input name=remote value=\"%s\" placeholder=\"203.0.113.0/24\"></label>", r.q("remote"))
                .f("<label>domain <input name=domain value=\"%s\" placeholder=example.org></label>", r.q("domain"))
                .f("<label>ASN <input name=asn value=\"%s\" size=8 placeholder=AS13335></label>", r.q("asn"))
                .f("<input type=hidden name=range value=\"%s\">", range.all() ? "" : range.preset())
                .raw("<button type=submit>Filter</button></form>").raw(range.picker(r, path, true));
        List<RouterRows.Connection> connections;
        try {
            connections = store.connections(new RouterQueries.Connections(dev, r.q("remote"), r.q("domain"), asn(r.q("asn")), from, to, LIMIT));
        } catch (IllegalArgumentException e) {
            h.f("<p class=refused>%s</p>", e.getMessage());
            return Pages.html(400, Layout.page(dev, "Devices", r, h.build()));
        }
        h.raw("<h2>Connections</h2>").raw(new SortedTable<RouterRows.Connection>("c", List.of(
                SortedTable.col("last", "Last seen", Comparator.comparingLong(RouterRows.Connection::lastSeenMs), c -> Fmt.time(c.lastSeenMs())),
                SortedTable.col("remote", "Remote", null, c -> Fmt.address(c.remote(), r.addresses())),
                SortedTable.col("port", "Port", Comparator.comparingInt(RouterRows.Connection::port), c -> proto(c.proto(), c.port())),
                SortedTable.col("domain", "Domain", Comparator.comparing(c -> c.domain() == null ? "" : c.domain()), RouterRows.Connection::domain),
                SortedTable.col("out", "Bytes out", Comparator.comparingLong(RouterRows.Connection::bytesOut), c -> Fmt.bytes(c.bytesOut())),
                SortedTable.col("in", "Bytes in", Comparator.comparingLong(RouterRows.Connection::bytesIn), c -> Fmt.bytes(c.bytesIn())),
                SortedTable.col("country", "Country", Comparator.comparing(c -> Fmt.country(c.country())), c -> Fmt.country(c.country())),
                SortedTable.col("asn", "ASN", Comparator.comparingLong(RouterRows.Connection::asn), c -> Fmt.asn(c.asn()))))
                .render(connections, r, path, "No connections match."));
        RouterQueries.DeviceLog log = new RouterQueries.DeviceLog(dev, from, to, LIMIT);
        h.raw("<h2>DNS</h2>").raw(new SortedTable<RouterRows.Dns>("d", List.of(
                SortedTable.col("ts", "Time", Comparator.comparingLong(RouterRows.Dns::tsMs), d -> Fmt.time(d.tsMs())),
                SortedTable.col("action", "Action", Comparator.comparing(RouterRows.Dns::action), RouterRows.Dns::action),
                SortedTable.col("name", "Name", Comparator.comparing(d -> d.name() == null ? "" : d.name()), RouterRows.Dns::name),
                SortedTable.col("qtype", "Type", null, RouterRows.Dns::qtype),
                SortedTable.col("answer", "Answer", null, d -> Fmt.address(d.answer(), r.addresses()))))
                .render(store.dns(log), r, path, "No DNS entries."));
        h.raw("<h2>Firewall</h2>").raw(new SortedTable<RouterRows.Firewall>("f", List.of(
                SortedTable.col("ts", "Time", Comparator.comparingLong(RouterRows.Firewall::tsMs), w -> Fmt.time(w.tsMs())),
                SortedTable.col("action", "Action", Comparator.comparing(RouterRows.Firewall::action), RouterRows.Firewall::action),
                SortedTable.col("prefix", "Rule prefix", Comparator.comparing(w -> w.prefix() == null ? "" : w.prefix()), RouterRows.Firewall::prefix),
                SortedTable.col("remote", "Remote", null, w -> Fmt.address(w.remote(), r.addresses())),
                SortedTable.col("port", "Port", Comparator.comparingInt(RouterRows.Firewall::port), w -> proto(w.proto(), w.port())),
                SortedTable.col("length", "Length", Comparator.comparingInt(RouterRows.Firewall::length), RouterRows.Firewall::length)))
                .render(store.firewall(log), r, path, "No firewall records."));
        h.raw("<h2>Anomalies</h2>").raw(anomalyTable("a", r, store.anomalies(new RouterQueries.Anomalies(null, dev, from, to, LIMIT)), path));
        return Pages.html(200, Layout.page(dev, "Devices", r, h.build()));
    }

    Response anomalies(PageRequest r) {
        Range range = Range.of(r, Now.ms(live), "");
        String code = r.q("code") == null ? null : r.q("code").toUpperCase(Locale.ROOT);
        String[] codes = java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                java.util.Arrays.stream(AnomalyCode.values()).map(Enum::name)).toArray(String[]::new);
        Html h = new Html().raw("<h1>Anomalies</h1><form method=get action=\"/anomalies\" class=filters>")
                .raw(Incidents.select("code", code, codes))
                .f("<label>device <input name=device value=\"%s\" placeholder=\"192.168.1.20 or 192.168.1.0/24\"></label>", r.q("device"))
                .f("<input type=hidden name=range value=\"%s\">", range.all() ? "" : range.preset())
                .raw("<button type=submit>Filter</button></form>").raw(range.picker(r, "/anomalies", true));
        List<RouterRows.Anomaly> rows;
        try {
            if (code != null && Incidents.oneOf(code, codes) == null) throw new IllegalArgumentException("code must be one of " + java.util.Arrays.toString(AnomalyCode.values()));
            rows = store.anomalies(new RouterQueries.Anomalies(code, r.q("device"), range.all() ? 0 : range.fromMs(),
                    range.all() ? Long.MAX_VALUE : range.toMs(), LIMIT));
        } catch (IllegalArgumentException e) {
            h.f("<p class=refused>%s</p>", e.getMessage());
            return Pages.html(400, Layout.page("Anomalies", "Anomalies", r, h.build()));
        }
        h.raw(anomalyTable("", r, rows, "/anomalies"));
        return Pages.html(200, Layout.page("Anomalies", "Anomalies", r, h.build()));
    }

    private static Html.Raw anomalyTable(String prefix, PageRequest r, List<RouterRows.Anomaly> rows, String path) {
        return new SortedTable<RouterRows.Anomaly>(prefix, List.of(
                SortedTable.col("ts", "Time", Comparator.comparingLong(RouterRows.Anomaly::tsMs), a -> Fmt.time(a.tsMs())),
                SortedTable.col("device", "Device", null, a -> deviceLink(r, a.device())),
                SortedTable.col("code", "Code", Comparator.comparing(RouterRows.Anomaly::code), RouterRows.Anomaly::code),
                SortedTable.col("score", "Score", Comparator.comparingInt(RouterRows.Anomaly::score), RouterRows.Anomaly::score),
                SortedTable.col("remote", "Remote", null, a -> Fmt.address(a.remote(), r.addresses())),
                SortedTable.col("port", "Port", Comparator.comparingInt(RouterRows.Anomaly::port), a -> a.port() < 0 ? "" : a.port()),
                SortedTable.col("evidence", "Evidence", null, RouterRows.Anomaly::evidence),
                SortedTable.col("incident", "Incident", null, a -> a.incidentId() == null ? ""
                        : new Html().f("<a href=\"/incidents/%s\">%s</a>", Paths.seg(a.incidentId()), a.incidentId()).build())))
                .render(rows, r, path, "No anomalies match.");
    }

    Response rules(PageRequest r) {
        Html h = new Html().raw("<h1>Rules</h1><p class=hint>Allow rules exempt destinations from scoring; suppress rules silence "
                + "matching hits. Rules from the config file are changed there.</p>");
        h.raw(new SortedTable<RouterRules.Rule>("", List.of(
                SortedTable.col("id", "Id", Comparator.comparing(RouterRules.Rule::id), RouterRules.Rule::id),
                SortedTable.col("type", "Type", Comparator.comparing(x -> x.fields().type()), x -> x.fields().type()),
                SortedTable.col("device", "Device", null, x -> Fmt.address(x.fields().device(), r.addresses())),
                SortedTable.col("remote", "Remote", null, x -> remotePrefix(r, x.fields().remote())),
                SortedTable.col("asn", "ASN", null, x -> x.fields().asn()),
                SortedTable.col("org", "Org", null, x -> x.fields().org()),
                SortedTable.col("port", "Port", null, x -> x.fields().port()),
                SortedTable.col("code", "Code", null, x -> x.fields().code()),
                SortedTable.col("delete", "", null, x -> deleteForm(r, x))))
                .render(rules.list(), r, "/router/rules", "No rules."));
        h.raw("<h2>Add a rule</h2><form method=post action=\"/router/rules\" class=add-rule>")
                .f("<input type=hidden name=csrf value=\"%s\">", r.session().csrf())
                .f("<fieldset%s>", Html.safe(r.canWrite() ? "" : " disabled"))
                .raw(Incidents.select("type", "allow", "allow", "suppress"));
        for (String[] field : new String[][] {{"device", "192.168.1.20"}, {"remote", "203.0.113.0/24"}, {"asn", "13335"},
                {"org", "Example Org"}, {"port", "443"}, {"code", "NEW_DST"}})
            h.f("<label>%s <input name=\"%s\" placeholder=\"%s\"></label>", field[0], field[0], field[1]);
        h.raw("<button type=submit>Add</button>");
        if (!r.canWrite()) h.raw("<p class=hint>Your token is read-only: it cannot edit rules.</p>");
        h.raw("</fieldset></form>");
        return Pages.html(200, Layout.page("Rules", "Rules", r, h.build()));
    }

    /** A rule's remote prefix; its address masked like any other for a token that shows masked addresses. */
    private static String remotePrefix(PageRequest r, String prefix) {
        if (prefix == null) return "";
        int slash = prefix.indexOf('/');
        return slash < 0 ? Fmt.address(prefix, r.addresses()) : Fmt.address(prefix.substring(0, slash), r.addresses()) + prefix.substring(slash);
    }

    private static Object deleteForm(PageRequest r, RouterRules.Rule x) {
        if (x.fromConfig()) return "config file";
        if (!r.canWrite()) return "";
        return new Html().f("<form method=post action=\"/router/rules/%s/delete\">", Paths.seg(x.id()))
                .f("<input type=hidden name=csrf value=\"%s\">", r.session().csrf())
                .f("<button type=submit aria-label=\"delete rule %s\">Delete</button></form>", x.id()).build();
    }

    Response addRule(PageRequest r, Form f) throws Exception {
        try {
            rules.add(new RouterRules.Fields(f.first("type"), blank(f.first("device")), blank(f.first("remote")), blank(f.first("asn")),
                    blank(f.first("org")), blank(f.first("port")), blank(f.first("code"))));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Pages.message(400, "Rule not added", e.getMessage());
        }
        return Pages.redirect("/router/rules");
    }

    Response deleteRule(PageRequest r, Form f) throws Exception {
        try {
            if (!rules.remove(r.param("id"))) return Pages.notFound("No rule " + r.param("id") + ".");
        } catch (IllegalArgumentException e) {
            return Pages.message(409, "Rule not deleted", e.getMessage());
        }
        return Pages.redirect("/router/rules");
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String proto(int proto, int port) {
        String name = switch (proto) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1, 58 -> "icmp";
            default -> "proto " + proto;
        };
        return port < 0 ? name : name + "/" + port;
    }

    private static long asn(String v) {
        if (v == null) return 0;
        try {
            return Long.parseLong(v.toUpperCase(Locale.ROOT).replaceFirst("^AS", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ASN must be a number (AS13335 or 13335): " + v);
        }
    }
}
