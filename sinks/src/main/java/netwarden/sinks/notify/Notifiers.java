package netwarden.sinks.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import netwarden.model.Clock;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.channel.Sleeper;
import netwarden.sinks.notify.config.ChannelConfig;
import netwarden.sinks.notify.config.DiscordConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.SlackConfig;
import netwarden.sinks.notify.config.WebhookConfig;
import netwarden.sinks.notify.discord.DiscordSender;
import netwarden.sinks.notify.email.EmailSender;
import netwarden.sinks.notify.render.EventJson;
import netwarden.sinks.notify.render.NoticeViews;
import netwarden.sinks.notify.script.ScriptSender;
import netwarden.sinks.notify.slack.SlackSender;
import netwarden.sinks.notify.webhook.WebhookSender;

/**
 * Builds channels and the router from a {@link NotifyConfig}. Typical wiring:
 *
 * <pre>{@code
 * NotifyConfig config = fileConfig.withEnvironment(System.getenv());   // NETWARDEN_DISCORD_WEBHOOK
 * NotifyMetrics metrics = new NotifyMetrics();
 * metrics.register(registry);
 * NotificationRouter router = Notifiers.router(config, detection.blockTimeout(), new NotificationRouter.Deps(enricher, seen, geo, engine.published(), Clock.SYSTEM, metrics));
 * SinkWorker<Event> input = new SinkWorker<>(router, router.sinkConfig(), Clock.SYSTEM);
 * sinkMetrics.track(input); sinkMetrics.trackAll(router.channelWorkers());
 * router.start();                      // then input goes into the EventRouter
 * ...
 * eventRouter.close(deadline);         // routes what is queued, sends pending digests
 * router.closeChannels(deadline);      // on shutdown
 * }</pre>
 */
public final class Notifiers {
    private Notifiers() {}

    /**
     * The router with a channel per configured channel, system sleeper; not started.
     *
     * @param blockTimeout how long the attacks' block rules block ({@code detection.block-timeout})
     */
    public static NotificationRouter router(NotifyConfig config, Duration blockTimeout, NotificationRouter.Deps deps) {
        return new NotificationRouter(config, channels(config, blockTimeout, deps.metrics(), deps.clock(), Sleeper.SYSTEM), deps);
    }

    /** One channel per configured channel (not started), registered with {@code metrics}. */
    public static List<Channel> channels(NotifyConfig config, Duration blockTimeout, NotifyMetrics metrics, Clock clock, Sleeper sleeper) {
        List<Channel> out = new ArrayList<>();
        for (ChannelConfig c : config.channels()) {
            Channel ch = new Channel(c.name(), c.type(), sender(config, c, blockTimeout, metrics, clock, sleeper), c.delivery(), sleeper, clock,
                    RandomGenerator.getDefault());
            metrics.addChannel(ch);
            out.add(ch);
        }
        return out;
    }

    /** The sender for one channel; its messages follow the channel's privacy settings. */
    public static Sender sender(NotifyConfig config, ChannelConfig c, Duration blockTimeout, NotifyMetrics metrics, Clock clock, Sleeper sleeper) {
        AddressFormat addresses = config.masks(c) ? AddressFormat.masked() : AddressFormat.fullAddresses();
        NoticeViews views = new NoticeViews(addresses, config.privacy().showConnect(), blockTimeout);
        return switch (c) {
            case DiscordConfig d -> new DiscordSender(d, views, sleeper, clock);
            case SlackConfig s -> new SlackSender(s, views);
            case WebhookConfig w -> new WebhookSender(w, new EventJson(views), clock);
            case EmailConfig e -> new EmailSender(e, views, clock);
            case ScriptConfig s -> new ScriptSender(s, new EventJson(views), metrics.scriptExits());
        };
    }
}
