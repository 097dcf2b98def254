package netwarden.decode.flow;

import java.lang.foreign.MemorySegment;
import netwarden.model.Ip;

/**
 * NetFlow v9 (RFC 3954) and IPFIX (RFC 7011): frames the message header and its sets, learns
 * templates, decodes data and options data sets, holds data sets whose template is not yet known
 * and decodes them when it comes. Options data feeds the {@link Sampling} table.
 *
 * <p>Framing: v9 sets run to the end of the datagram (a trailing fragment under 4 bytes is padding);
 * an IPFIX message runs to its header's length, which must fit the datagram. A set shorter than
 * its 4-byte header or running past the message is damage; so is a record field past its set.
 */
final class TemplatedDecoder {
    private static final int V9_HEADER = 20, IPFIX_HEADER = 16;

    private final TemplateCache cache;
    private final HeldSets held;
    private final Sampling sampling;
    private final RecordParser parser = new RecordParser();
    private final FlowFields fields = new FlowFields();
    /** IE 160 systemInitTimeMilliseconds announced in options data (softflowd), per exporter domain. */
    private final java.util.Map<TemplateKey, Long> systemInit = new java.util.HashMap<>();

    TemplatedDecoder(TemplateCache cache, HeldSets held, Sampling sampling) {
        this.cache = cache;
        this.held = held;
        this.sampling = sampling;
    }

    /** What a set needs from its message header. */
    private record Context(Wire w, Ip exporter, int version, long domain, long exportMillis, long uptimeMillis,
            long seq, Tally t) {}

    void decode(Wire w, Ip exporter, boolean ipfix, long seq, Tally t) throws FlowDecodeException {
        long end;
        Context c;
        if (ipfix) {
            w.need(0, IPFIX_HEADER, "IPFIX message header");
            end = w.u16(2);
            if (end < IPFIX_HEADER || end > w.size) {
                throw w.error(2, "message length " + end + " is not " + IPFIX_HEADER + ".." + w.size + " (datagram size)");
            }
            c = new Context(w, exporter, 10, w.u32(12), w.u32(4) * 1000, -1, seq, t);
        } else {
            w.need(0, V9_HEADER, "v9 header");
            end = w.size;
            c = new Context(w, exporter, 9, w.u32(16), w.u32(8) * 1000, w.u32(4), seq, t);
        }
        t.domain = c.domain;
        long at = ipfix ? IPFIX_HEADER : V9_HEADER;
        while (end - at >= 4) {
            int id = w.u16(at), len = w.u16(at + 2);
            if (len < 4) throw w.error(at + 2, "set " + id + " length " + len + " is below 4");
            if (at + len > end) throw w.error(at + 2, "set " + id + " length " + len + " overruns the message by " + (at + len - end));
            set(c, id, at + 4, at + len);
            at += len;
        }
        if (ipfix && at != end) throw w.error(at, (end - at) + " bytes after the last set");
    }

    private void set(Context c, int id, long start, long end) throws FlowDecodeException {
        boolean ipfix = c.version == 10;
        if (id == (ipfix ? 2 : 0)) {
            if (ipfix) TemplateParser.ipfix(c.w, start, end, false, sink(c));
            else TemplateParser.v9Templates(c.w, start, end, sink(c));
        } else if (id == (ipfix ? 3 : 1)) {
            if (ipfix) TemplateParser.ipfix(c.w, start, end, true, sink(c));
            else TemplateParser.v9Options(c.w, start, end, sink(c));
        } else if (id >= 256) {
            TemplateKey key = new TemplateKey(c.exporter, c.version, c.domain, id);
            Template t = cache.get(key);
            if (t == null) {
                c.t.undecodedSets++;
                c.t.droppedSets += held.hold(new HeldSets.Held(key, c.w.bytes(start, (int) (end - start)), c.exportMillis,
                        c.uptimeMillis, c.seq));
            } else {
                records(c, c.w, start, end, t, false);
            }
        } // ids 4..255 (IPFIX) and 2..255 (v9) are reserved: skipped
    }

    private TemplateParser.Sink sink(Context c) {
        return new TemplateParser.Sink() {
            @Override
            public void template(Template t) throws FlowDecodeException {
                TemplateKey key = new TemplateKey(c.exporter, c.version, c.domain, t.id());
                if (!cache.put(key, t)) {
                    c.t.refused++;
                    return;
                }
                if (t.options()) c.t.optionsTemplates++;
                else c.t.templates++;
                for (HeldSets.Held h : held.release(key)) {
                    Wire hw = new Wire(MemorySegment.ofArray(h.body()), c.w.decoder);
                    Context hc = new Context(hw, c.exporter, c.version, c.domain, h.exportMillis(), h.uptimeMillis(), h.seq(), c.t);
                    try {
                        records(hc, hw, 0, h.body().length, t, true);
                    } catch (FlowDecodeException e) {
                        c.t.droppedSets++; // the held set does not fit its template: it alone is lost
                    }
                }
            }

            @Override
            public void withdraw(int templateId, boolean options) {
                TemplateKey key = new TemplateKey(c.exporter, c.version, c.domain, templateId);
                if (templateId < 256) c.t.withdrawn += cache.withdrawAll(key, options);
                else if (cache.withdraw(key)) c.t.withdrawn++;
            }
        };
    }

    /** Decodes every record of a data or options data set; trailing bytes shorter than a record are padding. */
    private void records(Context c, Wire w, long at, long end, Template t, boolean late) throws FlowDecodeException {
        int min = t.minLength();
        if (min == 0) return; // only zero-length fields: nothing to read, nothing to count
        parser.use(t, t.options() && c.version == 9);
        while (end - at >= min) {
            long start = at;
            fields.clear();
            try {
                at = parser.parse(w, at, end, fields);
            } catch (FlowDecodeException e) {
                if (end - start < 4) return; // IPFIX padding after variable-length records
                throw e;
            }
            if (t.options()) {
                options(c);
            } else {
                data(c, t, late);
            }
        }
    }

    private void options(Context c) {
        c.t.optionsRecords++;
        if (fields.systemInitMillis >= 0 && systemInit.size() < cache.capacity()) {
            systemInit.put(new TemplateKey(c.exporter, c.version, c.domain, 0), fields.systemInitMillis);
        }
        long rate = fields.ownSamplingRate();
        sampling.learn(c.exporter, c.version, c.domain, fields.samplerId >= 0 ? fields.samplerId : Sampling.NO_SAMPLER, rate);
    }

    private void data(Context c, Template t, boolean late) {
        FlowFields f = fields;
        if (f.systemInitMillis < 0 && (f.startUptime >= 0 || f.endUptime >= 0) && !systemInit.isEmpty()) {
            f.systemInitMillis = systemInit.getOrDefault(new TemplateKey(c.exporter, c.version, c.domain, 0), -1L);
        }
        if (f.startMillis < 0 && f.startUptime >= 0) f.startMillis = uptimeToMillis(c, f, f.startUptime);
        if (f.endMillis < 0 && f.endUptime >= 0) f.endMillis = uptimeToMillis(c, f, f.endUptime);
        long rate = sampling.resolve(c.exporter, c.version, c.domain, f.samplerId, f.ownSamplingRate());
        FlowProtocol p = c.version == 10 ? FlowProtocol.IPFIX : FlowProtocol.NETFLOW9;
        c.t.add(f.toRecord(p, c.exporter, c.domain, t.id(), rate), late);
        if (!late) c.t.dataRecords++;
    }

    /**
     * sysUpTime-relative times: against IE 160 (from the record or its domain's options data), else
     * (v9) the header's clock, the difference taken as a signed 32-bit value since the counter wraps
     * every 49.7 days (softflowd starts it just below the wrap).
     */
    private static long uptimeToMillis(Context c, FlowFields f, long uptime) {
        if (f.systemInitMillis >= 0) return f.systemInitMillis + uptime;
        if (c.uptimeMillis >= 0) return c.exportMillis - (int) (c.uptimeMillis - uptime);
        return -1;
    }
}
