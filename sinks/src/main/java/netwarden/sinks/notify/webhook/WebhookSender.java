package netwarden.sinks.notify.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import netwarden.model.Clock;
import netwarden.sinks.notify.channel.DeliveryException;
import netwarden.sinks.notify.channel.HttpPost;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.config.WebhookConfig;
import netwarden.sinks.notify.render.EventJson;

/**
 * POSTs the documented JSON ({@link EventJson}) with headers {@code X-Netwarden-Event} (the kind),
 * {@code X-Netwarden-Timestamp} and, when a secret is set, {@code X-Netwarden-Signature} ({@link Signature}).
 * A retry is signed again with a fresh timestamp.
 */
public final class WebhookSender implements Sender {
    private final WebhookConfig config;
    private final EventJson json;
    private final HttpPost http;
    private final Clock clock;

    public WebhookSender(WebhookConfig config, EventJson json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = new HttpPost(config.delivery().timeout());
    }

    @Override
    public void send(Notice notice) throws DeliveryException {
        byte[] body = json.bytes(notice);
        long now = Math.floorDiv(clock.nanos(), 1_000_000_000L);
        Map<String, String> headers = new LinkedHashMap<>();
        config.headers().forEach((k, v) -> headers.put(k, v.reveal()));
        headers.put("X-Netwarden-Event", notice.kind());
        headers.put(Signature.TIMESTAMP_HEADER, Long.toString(now));
        if (config.secret() != null) headers.put(Signature.SIGNATURE_HEADER, Signature.sign(config.secret().reveal(), now, body));
        http.post(config.url().uri(), "application/json; charset=utf-8", body, headers);
    }

    @Override
    public void close() {
        http.close();
    }
}
