package netwarden.server.tls;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a web config file in Prometheus' {@code web.config.file} format:
 * <pre>
 * tls_server_config:
 *   cert_file: server.pem              # required for HTTPS
 *   key_file: server-key.pem           # required for HTTPS
 *   client_auth_type: RequireAndVerifyClientCert   # default NoClientCert
 *   client_ca_file: ca.pem             # required when client certificates are verified
 *   min_version: TLS12                 # or TLS13; default TLS12
 * basic_auth_users:                    # for /metrics
 *   prometheus: $2y$10$...             # bcrypt hash
 * </pre>
 * Relative paths are relative to the file's directory, as in Prometheus. Unknown keys are errors
 * (likely typos); keys Prometheus knows but netwarden does not support ({@code max_version},
 * {@code cipher_suites}, {@code http_server_config}, ...) are errors that say so. Without
 * {@code tls_server_config} the result is plain HTTP. Errors are {@link TlsConfigException}s
 * reading {@code FILE:LINE:COLUMN: what}. The files named are not read here.
 */
public final class WebConfigLoader {
    private static final Set<String> PROMETHEUS_ONLY = Set.of("max_version", "cipher_suites", "curve_preferences",
            "prefer_server_cipher_suites", "client_allowed_sans", "http_server_config", "rate_limit");
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WebConfigLoader() {}

    private record Raw(@JsonProperty("tls_server_config") RawTls tls,
                       @JsonProperty("basic_auth_users") Map<String, String> basicAuthUsers) {}

    private record RawTls(@JsonProperty("cert_file") String certFile, @JsonProperty("key_file") String keyFile,
                          @JsonProperty("client_auth_type") String clientAuthType,
                          @JsonProperty("client_ca_file") String clientCaFile,
                          @JsonProperty("min_version") String minVersion) {}

    public static WebConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(file + ": web config file not found", e);
        } catch (IOException e) {
            throw new TlsConfigException(file + ": cannot read web config file: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), text, base);
    }

    /** Parses {@code yaml} as if read from {@code name}; relative paths resolve against {@code baseDir}. */
    public static WebConfig parse(String name, String yaml, Path baseDir) {
        Raw raw;
        try (JsonParser p = MAPPER.createParser(yaml)) {
            raw = p.nextToken() == null ? null : MAPPER.readValue(p, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw new TlsConfigException(keyPlace(name, yaml, e.getPropertyName(), e.getLocation()) + ": " + unknownKey(e));
        } catch (JsonProcessingException e) {
            throw located(name, e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new TlsConfigException(name + ": cannot parse web config: " + e.getMessage(), e);
        }
        if (raw == null) return WebConfig.plainHttp();
        try {
            Map<String, String> users = raw.basicAuthUsers() == null ? Map.of() : new LinkedHashMap<>(raw.basicAuthUsers());
            return new WebConfig(raw.tls() == null ? null : tls(raw.tls(), baseDir), users);
        } catch (TlsConfigException | NullPointerException e) {
            throw new TlsConfigException(name + ": " + e.getMessage(), e);
        }
    }

    private static TlsServerConfig tls(RawTls t, Path base) {
        if (t.certFile() == null || t.certFile().isBlank())
            throw new TlsConfigException("tls_server_config.cert_file is required");
        if (t.keyFile() == null || t.keyFile().isBlank())
            throw new TlsConfigException("tls_server_config.key_file is required");
        ClientAuthType auth = t.clientAuthType() == null || t.clientAuthType().isEmpty()
                ? ClientAuthType.NO_CLIENT_CERT : ClientAuthType.fromConfig(t.clientAuthType());
        TlsVersion min = t.minVersion() == null || t.minVersion().isEmpty()
                ? TlsVersion.TLS12 : TlsVersion.fromConfig(t.minVersion());
        Path ca = t.clientCaFile() == null || t.clientCaFile().isBlank() ? null : base.resolve(t.clientCaFile());
        return new TlsServerConfig(base.resolve(t.certFile()), base.resolve(t.keyFile()), auth, ca, min);
    }

    private static String unknownKey(UnrecognizedPropertyException e) {
        String key = e.getPropertyName();
        String where = e.getPath().size() > 1 ? e.getPath().getFirst().getFieldName() + "." : "";
        if (PROMETHEUS_ONLY.contains(key))
            return "'" + where + key + "' is a Prometheus web config key that netwarden does not support";
        Set<String> known = new TreeSet<>();
        if (e.getKnownPropertyIds() != null) e.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
        return "unknown key '" + where + key + "' (likely a typo; known keys here: " + String.join(", ", known) + ")";
    }

    /**
     * FILE:LINE:COLUMN of the first {@code key:} in the text; Jackson reports where it stopped
     * reading (often the line after), which would send the reader to the wrong line.
     */
    private static String keyPlace(String name, String yaml, String key, JsonLocation fallback) {
        Matcher m = Pattern.compile("(?m)(?:^|[\\s{,])(" + Pattern.quote(key) + ")\\s*:").matcher(yaml);
        if (!m.find()) return fallback == null ? name : name + ":" + fallback.getLineNr() + ":" + fallback.getColumnNr();
        int start = m.start(1);
        int line = 1, lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (yaml.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return name + ":" + line + ":" + (start - lineStart + 1);
    }

    private static TlsConfigException located(String name, JsonLocation l, String message) {
        String place = l == null || l.getLineNr() < 1 ? name : name + ":" + l.getLineNr() + ":" + l.getColumnNr();
        return new TlsConfigException(place + ": " + message);
    }
}
