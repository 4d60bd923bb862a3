package org.perfeval.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.perfeval.overdue.OverdueService;
import org.springframework.stereotype.Component;

/** The overdue timer fired: mark the open task overdue and tell who must act. */
@Component("overdueDelegate")
public class OverdueDelegate implements JavaDelegate {
    private final OverdueService overdue;

    public OverdueDelegate(OverdueService overdue) {
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdue.markOverdue(Long.valueOf(execution.getProcessBusinessKey()));
    }
}
