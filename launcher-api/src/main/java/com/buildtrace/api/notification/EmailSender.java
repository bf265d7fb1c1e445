package com.buildtrace.api.notification;

import com.buildtrace.api.outbox.Outcome;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail notifications through the SMTP server of {@code spring.mail.*}; without {@code spring.mail.host}
 * Spring makes no mail sender, and e-mail is simply not available (the API says so).
 */
@Component
class EmailSender {

    /** What the API says when e-mail is off. */
    static final String UNAVAILABLE = "e-mail is not available on this server: no SMTP server is configured "
            + "(spring.mail.host)";

    private final Optional<JavaMailSender> mail;

    private final NotificationProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = Optional.ofNullable(mail.getIfAvailable());
        this.properties = properties;
        // JavaMail waits forever by default: an SMTP server that hangs would hold the outbox's batch
        this.mail.filter(JavaMailSenderImpl.class::isInstance).map(JavaMailSenderImpl.class::cast).ifPresent(m -> {
            String millis = String.valueOf(properties.timeout().toMillis());
            for (String key : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout",
                    "mail.smtp.writetimeout"}) {
                m.getJavaMailProperties().putIfAbsent(key, millis);
            }
        });
    }

    /** True when an SMTP server is configured. */
    boolean available() {
        return mail.isPresent();
    }

    /** Sends the message to one address, as multipart text and HTML from {@code buildtrace.notifications.from}. */
    Outcome send(String to, EmailMessage message) {
        if (mail.isEmpty()) {
            return Outcome.failed(null, UNAVAILABLE);
        }
        try {
            MimeMessage mime = mail.get().createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(mime, true, "UTF-8");
            m.setFrom(properties.from());
            m.setTo(to);
            m.setSubject(message.subject());
            m.setText(message.text(), message.html());
            // RFC 3834: no out-of-office replies to a machine's message
            mime.setHeader("Auto-Submitted", "auto-generated");
            mail.get().send(mime);
            return Outcome.delivered(null);
        } catch (MailException | MessagingException e) {
            return Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
