package org.perfeval.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 公开: the last review level approved; publication freezes the form in the same transaction. */
@Component("publishDelegate")
class PublishDelegate implements JavaDelegate {
    private final ApplicationEventPublisher events;

    PublishDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new ApprovalEvents.FormApproved(Long.valueOf(execution.getProcessBusinessKey())));
    }
}
