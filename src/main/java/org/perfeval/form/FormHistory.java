package org.perfeval.form;

import java.util.List;

import org.perfeval.shared.Actor;
import org.springframework.stereotype.Component;

/** Writes the workflow record of every step, in the transaction of the step itself. */
@Component
public class FormHistory {
    static final String SYSTEM = "系统";

    private final WorkflowRecordMapper mapper;

    public FormHistory(WorkflowRecordMapper mapper) {
        this.mapper = mapper;
    }

    public void record(Long formId, Actor actor, WorkflowAction action, FormStatus from, FormStatus to,
                       String detail) {
        record(formId, actor, action, from, to, detail, null);
    }

    public void record(Long formId, Actor actor, WorkflowAction action, FormStatus from, FormStatus to,
                       String detail, String snapshot) {
        mapper.insert(formId, actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.displayName(),
                action, from, to, detail, snapshot);
    }

    /** One step that several forms took together (opening a campaign). */
    public void recordAll(List<Long> formIds, Actor actor, WorkflowAction action, FormStatus from, FormStatus to,
                          String detail) {
        if (!formIds.isEmpty()) {
            mapper.insertAll(formIds, actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.displayName(),
                    action, from, to, detail);
        }
    }

    public List<WorkflowRecord> of(Long formId) {
        return mapper.findByForm(formId);
    }
}
