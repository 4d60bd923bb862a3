package org.perfeval.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.perfeval.organisation.AccessPolicy;

import org.springframework.stereotype.Component;

/**
 * The group a user task is offered to, from the form named by the business key
 * (BPMN: {@code camunda:candidateGroups="${candidateGroups.of(execution, 'Task_FillDraft')}"}).
 * Earlier versions of the process carried the unit and department as process variables: three rows
 * each at every start, read by nothing else.
 */
@Component("candidateGroups")
public class CandidateGroups {
    private final FormLifecycle lifecycle;

    public CandidateGroups(FormLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public String of(DelegateExecution execution, String taskKey) {
        Stage stage = Stage.ofTaskKey(taskKey);
        Object levels = execution.getVariable(FormProcess.REVIEW_LEVELS);
        if (stage == Stage.SUPERVISOR_REVIEW && levels != null) {
            // From version 3: the department of the level now reviewing.
            int index = (Integer) execution.getVariable(FormProcess.LEVEL_INDEX);
            return AccessPolicy.departmentGroup(ReviewChain.fromVariable((String) levels).levelUnit(index));
        }
        return lifecycle.route(Long.valueOf(execution.getProcessBusinessKey())).candidateGroup(stage);
    }
}
