package org.perfeval.approval;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The few reads the process needs from our tables. */
@Mapper
interface ApprovalMapper {

    /**
     * Null when the form does not exist. One query for the task's group and due date and for the review
     * chain: a submission asks both, and MyBatis answers the repeat from the transaction's session.
     */
    @Select("SELECT f.unit_id, f.supervising_unit_id, c.fill_due, c.supervisor_due, c.finance_due,"
            + " COALESCE(c.secondary_review, FALSE) AS secondary_review, f.return_reason IS NOT NULL AS returned"
            + " FROM evaluation_form f LEFT JOIN campaign c ON c.id = f.campaign_id WHERE f.id = #{id}")
    FormRoute findRoute(Long id);

    /** The form's open task as the inbox projection holds it (see FormProcess.openTask). */
    @Select("SELECT task_id, stage, assignee, due_at, process_definition_id, candidate_group FROM inbox_task"
            + " WHERE form_id = #{formId}")
    OpenTask findOpenTask(Long formId);

    /** The open tasks of a campaign's forms, from the inbox projection. */
    @Select("SELECT form_id, task_id, stage, due_at FROM inbox_task WHERE campaign_id = #{campaignId}")
    java.util.List<CampaignTask> findOpenTasksOfCampaign(Long campaignId);

    record CampaignTask(Long formId, String taskId, String stage, java.time.Instant dueAt) {
    }

    /**
     * Locks the form's row until the transaction ends. Every state change of a form (submit, withdraw,
     * claim, decide) takes it first, so steps racing for one form queue instead of both succeeding or
     * deadlocking further on.
     */
    @Select("SELECT id FROM evaluation_form WHERE id = #{id} FOR UPDATE")
    Long lockForm(Long id);
}
