package nl.mantelzorgthuis.notificationservice.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.notice.DeliveryMetrics;
import nl.mantelzorgthuis.notificationservice.webhook.domain.RetrySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends queued mails over SMTP (Spring's mail support); a failed send is retried for about a day. */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final RetrySchedule RETRIES = new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12)), 0.2);

    private final MailQueue queue;
    private final JavaMailSender smtp;
    private final Clock clock;
    private final NotificationProperties properties;
    private final DeliveryMetrics metrics;

    MailDispatcher(MailQueue queue, JavaMailSender smtp, Clock clock, NotificationProperties properties, DeliveryMetrics metrics) {
        this.queue = queue;
        this.smtp = smtp;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${notification.mail.poll-interval:1s}")
    void sendDue() {
        MailQueue.Mail mail;
        int sent = 0;
        while (sent < 500 && (mail = queue.claim(Duration.ofMinutes(2))) != null) {
            send(mail);
            sent++;
        }
    }

    private void send(MailQueue.Mail mail) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mail().from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            message.setHeader("Message-ID", "<" + mail.id().replaceAll("[^A-Za-z0-9.-]", "-") + "@notifications.invoormantelzorg.nl>");
            smtp.send(message);
            queue.sent(mail.id());
            metrics.counted("email", "delivered", 1);
            if (mail.eventTime() != null) {
                metrics.delivered("email", mail.eventTime(), clock.instant());
            }
        } catch (MailException | jakarta.mail.MessagingException e) {
            var next = RETRIES.next(mail.attempts() + 1, clock.instant(), null, ThreadLocalRandom.current()::nextDouble);
            if (next.isPresent()) {
                queue.retry(mail.id(), next.get(), e.getMessage());
                metrics.counted("email", "retry", 1);
            } else {
                queue.failed(mail.id(), e.getMessage());
                metrics.counted("email", "failed", 1);
            }
            log.warn("Sending mail {} failed (attempt {}): {}", mail.id(), mail.attempts() + 1, e.getMessage());
        }
    }
}
