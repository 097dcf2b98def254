package netwarden.decode.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the template records of one template or options template set (v9 set ids 0 and 1, RFC 3954
 * section 5; IPFIX set ids 2 and 3, RFC 7011 section 3.4). Pure: it reports each template or
 * withdrawal to a {@link Sink}; the caller keeps them.
 */
final class TemplateParser {
    /** Receives what a set defines. */
    interface Sink {
        void template(Template t) throws FlowDecodeException;

        /** IPFIX withdrawal: a template id, or the set id (2 or 3) to withdraw all of that kind. */
        void withdraw(int templateId, boolean options);
    }

    private TemplateParser() {}

    static void v9Templates(Wire w, long at, long end, Sink sink) throws FlowDecodeException {
        while (end - at >= 4) {
            int id = w.u16(at), count = w.u16(at + 2);
            if (id == 0 && count == 0) return; // padding
            if (id < 256) throw w.error(at, "template id " + id + " is below 256");
            if (count == 0) throw w.error(at + 2, "template " + id + " has no fields");
            at += 4;
            if (at + 4L * count > end) throw w.error(at, "template " + id + " with " + count + " fields overruns its set");
            sink.template(new Template(id, false, 0, fields(w, at, count, false)));
            at += 4L * count;
        }
    }

    static void v9Options(Wire w, long at, long end, Sink sink) throws FlowDecodeException {
        while (end - at >= 6) {
            int id = w.u16(at), scopeLen = w.u16(at + 2), optionLen = w.u16(at + 4);
            if (id == 0) return; // padding
            if (id < 256) throw w.error(at, "options template id " + id + " is below 256");
            if (scopeLen % 4 != 0 || optionLen % 4 != 0 || scopeLen + optionLen == 0) {
                throw w.error(at + 2, "options template " + id + " scope/option lengths " + scopeLen + "/" + optionLen
                        + " are not non-zero multiples of 4");
            }
            at += 6;
            if (at + scopeLen + optionLen > end) throw w.error(at, "options template " + id + " overruns its set");
            sink.template(new Template(id, true, scopeLen / 4, fields(w, at, (scopeLen + optionLen) / 4, false)));
            at += scopeLen + optionLen;
        }
    }

    static void ipfix(Wire w, long at, long end, boolean options, Sink sink) throws FlowDecodeException {
        int header = options ? 6 : 4;
        while (end - at >= 4) {
            int id = w.u16(at), count = w.u16(at + 2);
            if (count == 0) {
                if (id == 0) return; // padding
                if (id != (options ? 3 : 2) && id < 256) throw w.error(at, "withdrawn template id " + id + " is below 256");
                sink.withdraw(id, options);
                at += 4;
                continue;
            }
            if (id < 256) throw w.error(at, "template id " + id + " is below 256");
            w.need(at, header, "template header");
            int scopes = options ? w.u16(at + 4) : 0;
            if (options && (scopes == 0 || scopes > count)) {
                throw w.error(at + 4, "options template " + id + " scope count " + scopes + " is not 1.." + count);
            }
            at += header;
            long next = skipIpfixFields(w, at, end, count, id);
            sink.template(new Template(id, options, scopes, fields(w, at, count, true)));
            at = next;
        }
    }

    private static long skipIpfixFields(Wire w, long at, long end, int count, int id) throws FlowDecodeException {
        for (int i = 0; i < count; i++) {
            if (end - at < 4) throw w.error(at, "template " + id + " field " + (i + 1) + " of " + count + " overruns its set");
            boolean enterprise = (w.u16(at) & 0x8000) != 0;
            at += 4;
            if (enterprise) {
                if (end - at < 4) throw w.error(at, "template " + id + " enterprise number overruns its set");
                at += 4;
            }
        }
        return at;
    }

    private static List<Template.Field> fields(Wire w, long at, int count, boolean ipfix) {
        List<Template.Field> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int type = w.u16(at), length = w.u16(at + 2);
            at += 4;
            long pen = 0;
            if (ipfix && (type & 0x8000) != 0) {
                pen = w.u32(at);
                at += 4;
                type &= 0x7fff;
            }
            out.add(new Template.Field(type, length, pen));
        }
        return out;
    }
}
