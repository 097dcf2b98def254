package netwarden.sources.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import netwarden.decode.flow.FlowDecodeException;
import netwarden.decode.flow.Template;
import netwarden.decode.flow.TemplateCacheFile;
import netwarden.decode.flow.TemplateKey;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned templates in {@code state.dir}, so a restarted collector decodes data at once instead
 * of dropping it until every exporter resends its templates (minutes, for some routers). Written
 * atomically (a temporary file renamed over the old one), read with a size limit; a damaged file is
 * moved aside with a WARN and the collector starts with no templates.
 */
final class TemplateStore {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateStore.class);
    /** 65,536 templates of 64 fields: far more than the limit allows, far less than a runaway file. */
    static final int MAX_BYTES = 64 << 20;

    private final Path file;

    TemplateStore(Path file) {
        this.file = file;
    }

    /** The saved templates; empty when there is no file or it was damaged (then moved aside). */
    Map<TemplateKey, Template> load() {
        try {
            return TemplateCacheFile.read(StateFiles.read(file, MAX_BYTES));
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (FlowDecodeException | StateFiles.DamagedException e) {
            LOG.warn("flow templates {} are damaged ({}); {}; starting without saved templates", file, e.getMessage(), StateFiles.moveAside(file));
            return Map.of();
        } catch (IOException e) {
            LOG.warn("cannot read flow templates {}: {}; starting without saved templates", file, e.toString());
            return Map.of();
        }
    }

    /** Replaces the file with {@code templates}; false (logged) when it cannot be written. */
    boolean save(Map<TemplateKey, Template> templates) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(tmp, TemplateCacheFile.write(templates));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            LOG.warn("cannot save flow templates to {}: {}", file, e.toString());
            return false;
        }
    }

    Path file() {
        return file;
    }
}
