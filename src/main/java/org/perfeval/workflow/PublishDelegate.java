package org.perfeval.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.perfeval.publication.PublicationService;
import org.springframework.stereotype.Component;

/** 公开: freezes the approved form as published. */
@Component("publishDelegate")
public class PublishDelegate implements JavaDelegate {
    private final PublicationService publication;

    public PublishDelegate(PublicationService publication) {
        this.publication = publication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        publication.publish(Long.valueOf(execution.getProcessBusinessKey()));
    }
}
