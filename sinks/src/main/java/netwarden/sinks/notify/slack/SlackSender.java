package netwarden.sinks.notify.slack;

import java.util.Map;
import netwarden.sinks.notify.channel.DeliveryException;
import netwarden.sinks.notify.channel.HttpPost;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.config.SlackConfig;
import netwarden.sinks.notify.render.NoticeViews;

/** Posts to a Slack incoming webhook; a 429 waits {@code Retry-After} and sends the same message again. */
public final class SlackSender implements Sender {
    private final SlackConfig config;
    private final NoticeViews views;
    private final HttpPost http;

    public SlackSender(SlackConfig config, NoticeViews views) {
        this.config = config;
        this.views = views;
        this.http = new HttpPost(config.delivery().timeout());
    }

    @Override
    public void send(Notice notice) throws DeliveryException {
        http.post(config.url().uri(), "application/json; charset=utf-8", SlackPayload.json(views.view(notice)), Map.of());
    }

    @Override
    public void close() {
        http.close();
    }
}
