package netwarden.sinks.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Renders a registry as the Prometheus text format ({@value PrometheusTextFormatWriter#CONTENT_TYPE}),
 * or as OpenMetrics text when the scraper's Accept header names {@code application/openmetrics-text}.
 * Knows nothing of HTTP beyond that header. Thread-safe.
 */
public final class MetricsExposition {
    private final PrometheusRegistry registry;
    private final ExpositionFormatWriter text = PrometheusTextFormatWriter.create();
    private final ExpositionFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();

    public MetricsExposition(PrometheusRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** One rendered scrape: the body and the Content-Type that describes it. */
    public record Scrape(String contentType, byte[] body) {}

    /** Scrapes every registered metric now; {@code acceptHeader} may be null. */
    public Scrape scrape(String acceptHeader) {
        ExpositionFormatWriter writer = openMetrics.accepts(acceptHeader) ? openMetrics : text;
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return new Scrape(writer.getContentType(), out.toByteArray());
    }
}
