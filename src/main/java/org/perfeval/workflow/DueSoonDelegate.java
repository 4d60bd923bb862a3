package org.perfeval.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.perfeval.overdue.OverdueService;
import org.springframework.stereotype.Component;

/** The due-soon timer fired: warn the group that holds the form. */
@Component("dueSoonDelegate")
public class DueSoonDelegate implements JavaDelegate {
    private final OverdueService overdue;

    public DueSoonDelegate(OverdueService overdue) {
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdue.warnDueSoon(Long.valueOf(execution.getProcessBusinessKey()));
    }
}
