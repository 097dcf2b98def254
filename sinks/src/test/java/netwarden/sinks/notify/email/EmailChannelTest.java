package netwarden.sinks.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import netwarden.model.Clock;
import netwarden.model.Severity;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.NotifyFixtures;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.config.Secret;
import netwarden.sinks.notify.render.NoticeViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real SMTP: GreenMail on 127.0.0.1, plain and implicit TLS (its self-signed certificate, trusted by host). */
class EmailChannelTest {
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        mail.setUser("ops@example.org", "netwarden", "s3cret-pass");
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private EmailConfig config(EmailConfig.Tls tls, int port, String password) {
        return new EmailConfig("mail", "127.0.0.1", port, tls, "netwarden", new Secret(password), "netwarden@example.org",
                List.of("ops@example.org"), "[netwarden] ", tls == EmailConfig.Tls.NONE ? null : "127.0.0.1",
                DeliveryConfig.defaults().withTimeout(Duration.ofSeconds(5)).withMaxAttempts(2), null);
    }

    private Channel channel(EmailConfig c) {
        return new Channel(c.name(), c.type(), new EmailSender(c, new NoticeViews(AddressFormat.masked(), true), Clock.SYSTEM),
                c.delivery(), d -> { }, Clock.SYSTEM, new SplittableRandom(1));
    }

    @Test
    void sendsEachNoticeAsAMailWithAuthentication() throws Exception {
        Channel c = channel(config(EmailConfig.Tls.NONE, mail.getSmtp().getPort(), "s3cret-pass"));
        c.start();
        c.offer(NotifyFixtures.notice(NotifyFixtures.attack("q3", Severity.HIGH, NotifyFixtures.T0)));
        c.offer(NotifyFixtures.notice(NotifyFixtures.joined("q3", "203.0.113.5", NotifyFixtures.T0 + 1)));
        c.close(Duration.ofSeconds(10));
        assertThat(c.sent()).isEqualTo(2);
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(2);
        assertThat(got[0].getSubject()).isEqualTo("[netwarden] 🚨 Attack started on q3");
        String body = (String) got[0].getContent();
        assertThat(body).contains("Severity: high", "Peak: 2.50 Mpps / 2.00 Gbit/s", "198.51.100.x#");
        assertThat(body).doesNotContain("198.51.100.7");
        assertThat(got[0].getHeader("X-Netwarden-Event")[0]).isEqualTo("attack_started");
        assertThat(got[1].getSubject()).contains("Player joined q3");
    }

    @Test
    void implicitTlsWorksWithATrustedHost() throws Exception {
        Channel c = channel(config(EmailConfig.Tls.TLS, mail.getSmtps().getPort(), "s3cret-pass"));
        assertThat(c.deliverNow(NotifyFixtures.notice(NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0))).sent()).isTrue();
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void startTlsIsRequiredNotOpportunistic() {
        Channel c = channel(config(EmailConfig.Tls.STARTTLS, mail.getSmtp().getPort(), "s3cret-pass"));
        Channel.Result r = c.deliverNow(NotifyFixtures.notice(NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0)));
        // GreenMail's plain SMTP port does not offer STARTTLS: the mail must not go out in clear text.
        assertThat(r.sent()).isFalse();
        assertThat(r.error()).contains("STARTTLS is required");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordFailsAtOnceAndIsNotLogged() {
        EmailConfig cfg = config(EmailConfig.Tls.NONE, mail.getSmtp().getPort(), "wrong-pass");
        Channel.Result r = channel(cfg).deliverNow(NotifyFixtures.notice(NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0)));
        assertThat(r.sent()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error()).contains("refused the login of netwarden").doesNotContain("wrong-pass");
        assertThat(cfg.toString()).doesNotContain("wrong-pass");
    }

    @Test
    void anUnreachableServerIsRetried() {
        EmailConfig cfg = config(EmailConfig.Tls.NONE, 1, "x"); // nothing listens on port 1
        Channel.Result r = channel(cfg).deliverNow(NotifyFixtures.notice(NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0)));
        assertThat(r.sent()).isFalse();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.error()).contains("127.0.0.1:1 failed");
    }
}
