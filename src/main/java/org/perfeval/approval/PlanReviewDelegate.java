package org.perfeval.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 确定审核层级: the form's review levels from its unit's place in the tree and its campaign's settings,
 * kept for the rest of the round as ids (a resubmission computes them afresh); hasLevels steers the
 * next gateway (a form without levels goes straight to 财政).
 */
@Component("planReviewDelegate")
class PlanReviewDelegate implements JavaDelegate {
    private final FormLifecycle lifecycle;
    private final RoutingFlags routingFlags;

    PlanReviewDelegate(FormLifecycle lifecycle, RoutingFlags routingFlags) {
        this.lifecycle = lifecycle;
        this.routingFlags = routingFlags;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewChain chain = lifecycle.reviewChain(Long.valueOf(execution.getProcessBusinessKey()));
        execution.setVariable(FormProcess.REVIEW_LEVELS, chain.asVariable());
        execution.setVariable(FormProcess.LEVEL_INDEX, 0);
        execution.setVariable("hasLevels", routingFlags.flag(execution.getProcessDefinitionId(), !chain.isEmpty()));
    }
}
