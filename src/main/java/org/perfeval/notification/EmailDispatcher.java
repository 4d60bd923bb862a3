package org.perfeval.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails queued notifications, outside any workflow transaction, so a slow or broken mail server never
 * holds up or undoes a step. Each notification is claimed by one node before sending, so two app
 * instances never send it twice; a failed send is retried on later rounds, then given up.
 * A node that stops between claim and send leaves that one mail unsent rather than risk a duplicate.
 */
@Component
@ConditionalOnProperty(name = "perfeval.mail.enabled", havingValue = "true")
public class EmailDispatcher {
    static final String PENDING = "PENDING";
    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final NotificationMapper mapper;
    private final JavaMailSender sender;
    private final Clock clock;
    private final String from;
    private final String baseUrl;
    private final int maxAttempts;

    public EmailDispatcher(NotificationMapper mapper, JavaMailSender sender, Clock clock,
                           @Value("${perfeval.mail.from:perfeval@localhost}") String from,
                           @Value("${perfeval.base-url:http://localhost:8080}") String baseUrl,
                           @Value("${perfeval.mail.max-attempts:5}") int maxAttempts) {
        this.mapper = mapper;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.maxAttempts = maxAttempts;
    }

    /** One round: sends what is pending; returns how many mails went out. */
    @Scheduled(fixedDelayString = "${perfeval.mail.poll-interval:PT15S}",
               initialDelayString = "${perfeval.mail.poll-interval:PT15S}")
    public int dispatchPending() {
        int sent = 0;
        for (NotificationMapper.PendingEmail mail : mapper.pendingEmails(200)) {
            if (mapper.claimEmail(mail.id()) == 0) {
                continue;
            }
            if (mail.email() == null || mail.email().isBlank()) {
                mapper.finishEmail(mail.id(), "NO_ADDRESS", clock.instant());
                continue;
            }
            try {
                sender.send(message(mail));
                mapper.finishEmail(mail.id(), "SENT", clock.instant());
                sent++;
            } catch (MailException e) {
                mapper.releaseEmail(mail.id(), maxAttempts);
                log.warn("notification {} not mailed to {}: {}", mail.id(), mail.email(), e.getMessage());
            }
        }
        return sent;
    }

    private SimpleMailMessage message(NotificationMapper.PendingEmail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.email());
        message.setSubject("【绩效自评】" + mail.kind().label() + "：" + firstLine(mail.message()));
        StringBuilder text = new StringBuilder(mail.message()).append("\n\n");
        if (mail.formId() != null) {
            text.append("查看评价表：").append(baseUrl).append("/forms/").append(mail.formId()).append('\n');
        }
        text.append("本邮件由绩效自评审批系统自动发送，请勿回复。");
        message.setText(text.toString());
        return message;
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
