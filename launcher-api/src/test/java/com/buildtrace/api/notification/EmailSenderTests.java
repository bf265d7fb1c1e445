package com.buildtrace.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailSenderTests {

    private static final NotificationProperties DEFAULTS = new NotificationProperties(null, null, null, null, null,
            false);

    @Test
    void withoutAnSmtpServerEmailIsUnavailableAndSaysWhy() {
        EmailSender sender = new EmailSender(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                DEFAULTS);

        assertThat(sender.available()).isFalse();
        assertThat(sender.send("ana@example.com", EmailMessage.test("Clinic", null)).error())
                .isEqualTo(EmailSender.UNAVAILABLE).contains("spring.mail.host");
    }

    @Test
    void anSmtpServerThatHangsCannotHoldTheOutboxLongerThanTheTimeout() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.getJavaMailProperties().put("mail.smtp.timeout", "2500");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", mail);

        EmailSender sender = new EmailSender(beans.getBeanProvider(JavaMailSender.class), DEFAULTS);

        assertThat(sender.available()).isTrue();
        assertThat(List.of("mail.smtp.connectiontimeout", "mail.smtp.writetimeout"))
                .allSatisfy(k -> assertThat(mail.getJavaMailProperties().getProperty(k)).isEqualTo("10000"));
        // what the installation set is kept
        assertThat(mail.getJavaMailProperties().getProperty("mail.smtp.timeout")).isEqualTo("2500");
    }
}
