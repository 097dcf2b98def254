package netwarden.sinks.notify.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import netwarden.model.Clock;
import netwarden.sinks.notify.channel.DeliveryException;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.config.EmailConfig;
import netwarden.sinks.notify.render.NoticeView;
import netwarden.sinks.notify.render.NoticeViews;

/**
 * Sends each notice as a plain-text e-mail over SMTP with Jakarta Mail: subject = prefix + title,
 * body = the notice as text. TLS modes: NONE, STARTTLS (required, not opportunistic) or TLS
 * (implicit). Refused logins and addresses are permanent failures; anything else is retried.
 */
public final class EmailSender implements Sender {
    private final EmailConfig config;
    private final NoticeViews views;
    private final Clock clock;
    private final Session session;

    public EmailSender(EmailConfig config, NoticeViews views, Clock clock) {
        this.config = config;
        this.views = views;
        this.clock = clock;
        this.session = Session.getInstance(properties(config));
    }

    static Properties properties(EmailConfig c) {
        Properties p = new Properties();
        String timeout = Long.toString(c.delivery().timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", c.host());
        p.put("mail.smtp.port", Integer.toString(c.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(c.username() != null));
        switch (c.tls()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        if (c.tls() != EmailConfig.Tls.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(c.sslTrust() == null));
            if (c.sslTrust() != null) p.put("mail.smtp.ssl.trust", c.sslTrust());
        }
        return p;
    }

    @Override
    public void send(Notice notice) throws DeliveryException {
        NoticeView view = views.view(notice);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(config.from(), true));
            for (String to : config.to()) m.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(config.subjectPrefix() + view.title(), "UTF-8");
            m.setText(view.plainText(), "UTF-8");
            m.setSentDate(new Date(Math.floorDiv(clock.nanos(), 1_000_000L)));
            m.setHeader("X-Netwarden-Event", notice.kind());
            if (config.username() != null) Transport.send(m, config.username(), config.password().reveal());
            else Transport.send(m);
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.permanent("SMTP " + config.host() + ":" + config.port() + " refused the login of " + config.username());
        } catch (AddressException | SendFailedException e) {
            throw DeliveryException.permanent("SMTP " + config.host() + ":" + config.port() + " rejected an address: " + e.getMessage());
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP " + config.host() + ":" + config.port() + " failed: " + rootMessage(e), null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
