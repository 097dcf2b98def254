package netwarden.app.history;

import static netwarden.app.history.ApiParams.instant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netwarden.model.Ip;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.wire.AddressFormat;

/** Store rows as the API shows them: times in RFC 3339, addresses through the token's {@link AddressFormat}. */
final class StoreJson {
    private StoreJson() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** An address as the token may see it; the "others" row of a minute ({@code *}) as it is. */
    static String address(String address, AddressFormat format) {
        if (address == null || address.equals(Rows.SourceMinute.OTHERS)) return address;
        return format.format(Ip.parse(address));
    }

    static ObjectNode session(Rows.Session s, AddressFormat format) {
        ObjectNode n = object().put("service", s.service()).put("address", address(s.address(), format))
                .put("name", s.name()).put("first_seen", instant(s.firstSeenMs())).put("last_seen", instant(s.lastSeenMs()))
                .put("left", instant(s.leftMs())).put("online", s.open())
                .put("packets_in", s.packetsIn()).put("packets_out", s.packetsOut())
                .put("bytes_in", s.bytesIn()).put("bytes_out", s.bytesOut()).put("country", s.country());
        if (s.asn() != 0) n.put("asn", s.asn());
        else n.putNull("asn");
        n.put("flags", s.flags());
        return n;
    }

    /** An incident's own fields (the detail adds its sources and notes). */
    static ObjectNode incident(Rows.Incident i) {
        return object().put("id", i.id()).put("scope", i.scope()).put("target", i.target())
                .put("service", i.service()).put("kind", i.kind()).put("severity", i.severity()).put("reason", i.reason())
                .put("start", instant(i.startMs())).put("end", instant(i.endMs())).put("active", i.endMs() == 0)
                .put("peak_pps", i.peakPps()).put("peak_bps", i.peakBps()).put("packets", i.packets()).put("bytes", i.bytes())
                .put("sources", i.sources()).put("multi_source", i.multiSource()).put("spoofing_suspected", i.spoofing())
                .put("acknowledged", instant(i.ackedMs())).put("acknowledged_by", i.ackedBy())
                .put("sample_pcap", i.samplePcap() != null);
    }

    static ObjectNode source(Results.SourceSummary s, AddressFormat format) {
        ObjectNode n = object().put("service", s.service()).put("address", address(s.address(), format)).put("country", s.country());
        if (s.asn() != 0) n.put("asn", s.asn());
        else n.putNull("asn");
        return n.put("first_minute", instant(s.firstMinute() * 1000)).put("last_minute", instant(s.lastMinute() * 1000))
                .put("minutes", s.minutes()).put("packets", s.packets()).put("bytes", s.bytes());
    }
}
