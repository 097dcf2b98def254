package netwarden.ship.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 1 of the shipping format: one batch is one JSON object (documented in docs/shipping.md),
 * the same bytes in the spool, the HTTPS body and a Kafka record value. Pure: no I/O, no metrics;
 * everything wrong with input is one {@link ShipFormatException}.
 */
public final class BatchCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchCodec() {}

    public static byte[] encode(ShipBatch b) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", ShipBatch.VERSION).put("agent", b.agentId()).put("epoch", b.epoch()).put("seq", b.sequence());
        if (b.gap() != null)
            o.putObject("gap").put("from", b.gap().from()).put("to", b.gap().to())
                    .put("rows", b.gap().rows()).put("bytes", b.gap().bytes());
        var rows = o.putArray("rows");
        for (ShipRow r : b.rows()) rows.addObject().put("t", r.table()).set("d", r.data());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static ShipBatch decode(byte[] bytes) throws ShipFormatException {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ShipFormatException("not JSON: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) throw new ShipFormatException("not a JSON object");
        int v = o.path("v").asInt(-1);
        if (v != ShipBatch.VERSION) throw new ShipFormatException("unsupported version: " + o.path("v"));
        try {
            Gap gap = o.has("gap") ? new Gap(num(o.get("gap"), "from"), num(o.get("gap"), "to"),
                    num(o.get("gap"), "rows"), num(o.get("gap"), "bytes")) : null;
            JsonNode rs = o.path("rows");
            if (!rs.isArray()) throw new ShipFormatException("rows is not an array");
            List<ShipRow> rows = new ArrayList<>(rs.size());
            for (JsonNode r : rs) {
                if (!r.path("t").isTextual() || !r.path("d").isObject()) throw new ShipFormatException("a row needs t (text) and d (object)");
                rows.add(new ShipRow(r.get("t").asText(), (ObjectNode) r.get("d")));
            }
            if (!o.path("agent").isTextual()) throw new ShipFormatException("agent is not text");
            return new ShipBatch(o.get("agent").asText(), num(o, "epoch"), num(o, "seq"), gap, rows);
        } catch (IllegalArgumentException e) {
            throw new ShipFormatException(e.getMessage(), e);
        }
    }

    private static long num(JsonNode o, String field) throws ShipFormatException {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) throw new ShipFormatException(field + " is not an integer");
        return n.asLong();
    }
}
