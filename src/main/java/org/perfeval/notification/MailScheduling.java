package org.perfeval.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The mail poller is the only scheduled task; scheduling is on only when mail is. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "perfeval.mail.enabled", havingValue = "true")
@EnableScheduling
class MailScheduling {
}
