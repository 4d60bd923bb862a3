package org.perfeval.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The mail poller runs only when mail is on (the deadline sweep has its own switch, approval.DeadlineSweepSchedule). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "perfeval.mail.enabled", havingValue = "true")
@EnableScheduling
class MailScheduling {
}
