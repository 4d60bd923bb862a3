package org.perfeval.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;


import org.springframework.stereotype.Component;

/** 自评打分: scores the submitted form; hasErrors routes it back to 填报. */
@Component("selfScoreDelegate")
class SelfScoreDelegate implements JavaDelegate {
    private final FormLifecycle lifecycle;
    private final RoutingFlags routingFlags;

    SelfScoreDelegate(FormLifecycle lifecycle, RoutingFlags routingFlags) {
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
