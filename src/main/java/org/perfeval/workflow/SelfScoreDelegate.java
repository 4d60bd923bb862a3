package org.perfeval.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.perfeval.form.FormLifecycle;
import org.perfeval.form.RoutingFlags;
import org.springframework.stereotype.Component;

/** 自评打分: scores the submitted form; hasErrors routes it back to 填报. */
@Component("selfScoreDelegate")
public class SelfScoreDelegate implements JavaDelegate {
    private final FormLifecycle lifecycle;
    private final RoutingFlags routingFlags;

    public SelfScoreDelegate(FormLifecycle lifecycle, RoutingFlags routingFlags) {
        this.lifecycle = lifecycle;
        this.routingFlags = routingFlags;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long formId = Long.valueOf(execution.getProcessBusinessKey());
        execution.setVariable("hasErrors",
                routingFlags.flag(execution.getProcessDefinitionId(), lifecycle.scoreAndStore(formId)));
    }
}
