package netwarden.decode.flow;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Ip;

/**
 * The saved form of a template cache, so a restarted collector decodes data at once instead of
 * waiting for templates (exporters resend them only every few minutes). Pure bytes in, bytes out;
 * the caller reads and writes the file.
 *
 * <p>Format, big-endian: magic {@code "NWTC"}, u16 format version (1), u32 count, then per template:
 * exporter (16 bytes, IPv4-mapped for IPv4), u8 export version, u32 domain, u16 template id,
 * u8 options flag, u16 scope count, u16 field count, and per field u16 id, u16 length, u32 PEN.
 * A file of another version or a damaged one is refused whole with {@link FlowDecodeException}
 * (decoder "template-cache"), so a bad file never half-loads.
 */
public final class TemplateCacheFile {
    static final int MAGIC = 0x4e575443; // "NWTC"
    public static final int FORMAT_VERSION = 1;
    private static final String DECODER = "template-cache";

    private TemplateCacheFile() {}

    public static byte[] write(Map<TemplateKey, Template> templates) {
        int size = 10;
        for (Template t : templates.values()) size += 28 + 8 * t.fields().size();
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(MAGIC).putShort((short) FORMAT_VERSION).putInt(templates.size());
        for (var e : templates.entrySet()) {
            TemplateKey k = e.getKey();
            Template t = e.getValue();
            b.putLong(k.exporter().hi()).putLong(k.exporter().lo()).put((byte) k.version()).putInt((int) k.domain())
                    .putShort((short) k.templateId()).put((byte) (t.options() ? 1 : 0)).putShort((short) t.scopeCount())
                    .putShort((short) t.fields().size());
            for (Template.Field f : t.fields()) b.putShort((short) f.id()).putShort((short) f.length()).putInt((int) f.pen());
        }
        return b.array();
    }

    public static Map<TemplateKey, Template> read(byte[] data) throws FlowDecodeException {
        ByteBuffer b = ByteBuffer.wrap(data);
        try {
            if (b.getInt() != MAGIC) throw new FlowDecodeException(DECODER, 0, "not a template cache file (magic is not NWTC)");
            int version = b.getShort() & 0xffff;
            if (version != FORMAT_VERSION) {
                throw new FlowDecodeException(DECODER, 4, "format version " + version + " is not " + FORMAT_VERSION);
            }
            long count = b.getInt() & 0xffff_ffffL;
            Map<TemplateKey, Template> out = new LinkedHashMap<>();
            for (long i = 0; i < count; i++) {
                int at = b.position();
                try {
                    Ip exporter = new Ip(b.getLong(), b.getLong());
                    int exportVersion = b.get() & 0xff;
                    long domain = b.getInt() & 0xffff_ffffL;
                    int id = b.getShort() & 0xffff;
                    boolean options = b.get() != 0;
                    int scopes = b.getShort() & 0xffff;
                    int n = b.getShort() & 0xffff;
                    List<Template.Field> fields = new ArrayList<>(n);
                    for (int f = 0; f < n; f++) {
                        fields.add(new Template.Field(b.getShort() & 0xffff, b.getShort() & 0xffff, b.getInt() & 0xffff_ffffL));
                    }
                    out.put(new TemplateKey(exporter, exportVersion, domain, id), new Template(id, options, scopes, fields));
                } catch (IllegalArgumentException e) {
                    throw new FlowDecodeException(DECODER, at, "template " + (i + 1) + ": " + e.getMessage());
                }
            }
            if (b.hasRemaining()) throw new FlowDecodeException(DECODER, b.position(), b.remaining() + " bytes after the last template");
            return out;
        } catch (BufferUnderflowException e) {
            throw new FlowDecodeException(DECODER, data.length, "file ends inside a template (truncated)");
        }
    }
}
