package netwarden.server.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Objects;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.server.JsonErrors;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.wire.SnapshotJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of {@value #PATH}: Alertmanager's webhook receiver. Each alert of a valid version-4
 * payload (see {@link AlertmanagerPayload}) goes to the listener as an {@link Event.ExternalAlert};
 * the answer is {@code 200 {"received": N}}. A bad payload gets {@code 400 {"error", "status"}}
 * naming the field, and none of its alerts is delivered. Alertmanager does not retry 4xx answers.
 *
 * <p>Counters: {@code netwarden_alertmanager_alerts_received_total{status}} (firing/resolved),
 * {@code netwarden_alertmanager_requests_rejected_total{reason}} (malformed_json/invalid_payload),
 * {@code netwarden_alertmanager_listener_failures_total} (the listener threw; the alert is lost,
 * the request still succeeds so Alertmanager does not resend the whole group). A listener that
 * throws is logged and counted, never breaks the request. Thread-safe.
 */
public final class AlertmanagerReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerReceiver.class);
    public static final String PATH = "/api/v1/alerts/alertmanager";
    /** Largest body read: about a thousand alerts with ordinary labels and annotations. */
    public static final int MAX_BODY = 1 << 20;

    private final EventListener listener;
    private final Counter received = Counter.builder()
            .name("netwarden_alertmanager_alerts_received_total")
            .help("Alerts received from Alertmanager's webhook, by alert status.")
            .labelNames("status")
            .build();
    private final Counter rejected = Counter.builder()
            .name("netwarden_alertmanager_requests_rejected_total")
            .help("Alertmanager webhook requests refused with 400, by reason.")
            .labelNames("reason")
            .build();
    private final Counter listenerFailures = Counter.builder()
            .name("netwarden_alertmanager_listener_failures_total")
            .help("Received alerts lost because the event listener threw.")
            .build();

    public AlertmanagerReceiver(EventListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        // Known label values start at 0, so rate() and absent() work before the first alert.
        received.initLabelValues("firing");
        received.initLabelValues("resolved");
        rejected.initLabelValues("malformed_json");
        rejected.initLabelValues("invalid_payload");
    }

    /** Registers the counters; the server calls this on start. */
    public void register(PrometheusRegistry registry) {
        registry.register(received);
        registry.register(rejected);
        registry.register(listenerFailures);
    }

    public void unregister(PrometheusRegistry registry) {
        registry.unregister(received);
        registry.unregister(rejected);
        registry.unregister(listenerFailures);
    }

    public Response receive(Request request) {
        List<Event.ExternalAlert> alerts;
        try {
            alerts = AlertmanagerPayload.parse(request.body());
        } catch (AlertmanagerPayload.InvalidPayloadException e) {
            rejected.labelValues(e.malformedJson() ? "malformed_json" : "invalid_payload").inc();
            LOG.debug("rejected Alertmanager payload: {}", e.getMessage());
            return JsonErrors.of(400, e.getMessage());
        }
        for (Event.ExternalAlert alert : alerts) {
            received.labelValues(alert.status()).inc();
            try {
                listener.onEvent(alert);
            } catch (RuntimeException e) {
                listenerFailures.inc();
                LOG.warn("event listener failed on alert {}", alert.name(), e);
            }
        }
        ObjectNode body = SnapshotJson.object().put("received", alerts.size());
        return Response.json(200, body);
    }
}
