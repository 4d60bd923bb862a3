package org.perfeval.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The overdue timer fired: if the deadline still stands, the open task is overdue. */
@Component("overdueDelegate")
class OverdueDelegate implements JavaDelegate {
    private final Deadlines deadlines;

    OverdueDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.overdueTimerFired(Long.valueOf(execution.getProcessBusinessKey()));
    }
}
