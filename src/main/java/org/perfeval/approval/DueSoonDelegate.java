package org.perfeval.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The due-soon timer fired: if the deadline is still ahead, warn the group that holds the form. */
@Component("dueSoonDelegate")
class DueSoonDelegate implements JavaDelegate {
    private final Deadlines deadlines;

    DueSoonDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.dueSoonTimerFired(Long.valueOf(execution.getProcessBusinessKey()));
    }
}
