package org.perfeval.approval;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link Deadlines#sweep} on every node that does background work: where the engine's job
 * executor runs (tests and the benchmark switch both off and sweep themselves). Two nodes may sweep at
 * once; each alarm is claimed by one of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class DeadlineSweepSchedule {
    private final Deadlines deadlines;

    DeadlineSweepSchedule(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(fixedDelayString = "${perfeval.deadlines.sweep-interval:PT1M}",
               initialDelayString = "${perfeval.deadlines.sweep-interval:PT1M}")
    void sweep() {
        deadlines.sweep();
    }
}
