package org.perfeval.inbox;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface InboxMapper {

    /** The form's campaign and unit are copied along, for the inbox filters. */
    @Insert("INSERT INTO inbox_task (task_id, form_id, stage, candidate_group, assignee, created_at, due_at,"
            + " campaign_id, unit_id, process_definition_id) SELECT #{t.taskId}, #{t.formId}, #{t.stage},"
            + " #{t.candidateGroup}, #{t.assignee}, #{t.createdAt}, #{t.dueAt}, f.campaign_id, f.unit_id, #{definition}"
            + " FROM evaluation_form f WHERE f.id = #{t.formId}")
    void insert(@Param("t") InboxTask task, @Param("definition") String processDefinitionId);

    /** The form's next task takes over the row of the one that ended. */
    @Update("UPDATE inbox_task SET task_id = #{t.taskId}, stage = #{t.stage}, candidate_group = #{t.candidateGroup},"
            + " assignee = #{t.assignee}, created_at = #{t.createdAt}, due_at = #{t.dueAt},"
            + " process_definition_id = #{definition} WHERE task_id = #{endedTaskId}")
    int replace(@Param("endedTaskId") String endedTaskId, @Param("t") InboxTask task,
                @Param("definition") String processDefinitionId);

    @Update("UPDATE inbox_task SET assignee = #{assignee} WHERE task_id = #{taskId}")
    void updateAssignee(@Param("taskId") String taskId, @Param("assignee") String assignee);

    @Update("UPDATE inbox_task SET due_at = #{dueAt} WHERE task_id = #{taskId}")
    void updateDue(@Param("taskId") String taskId, @Param("dueAt") Instant dueAt);

    @Delete("DELETE FROM inbox_task WHERE task_id = #{taskId}")
    void delete(String taskId);

    @Delete("DELETE FROM inbox_task WHERE form_id = #{formId}")
    int deleteByForm(Long formId);

    @Select("SELECT task_id, form_id, stage, candidate_group, assignee, created_at, due_at FROM inbox_task"
            + " WHERE form_id = #{formId}")
    InboxTask findByForm(Long formId);

    @Select("SELECT task_id, form_id, stage, candidate_group, assignee, created_at, due_at FROM inbox_task"
            + " ORDER BY task_id")
    List<InboxTask> findAll();

    @Select("SELECT i.task_id, i.form_id, i.stage, i.candidate_group, i.assignee, i.created_at, i.due_at"
            + " FROM inbox_task i JOIN evaluation_form f ON f.id = i.form_id WHERE f.campaign_id = #{campaignId}")
    List<InboxTask> findByCampaign(Long campaignId);

    /**
     * One page, chosen from inbox_task alone on its (candidate_group, ...) indexes and only then joined
     * (outer joins, so that no optimizer starts from the campaigns: it did, with fresh statistics, and
     * read every form of the campaign). Every row has its form, unit and campaign (foreign keys).
     */
    @Select({"<script>",
            "SELECT i.task_id, i.form_id, i.stage, i.assignee, i.created_at, i.due_at, f.title, f.fiscal_year,",
            " u.name AS unit_name, c.name AS campaign_name, f.status, f.score_total, f.score_grade, f.has_errors",
            " FROM (SELECT task_id, form_id, stage, assignee, created_at, due_at FROM inbox_task",
            "  WHERE candidate_group IN",
            "  <foreach collection='groups' item='g' open='(' separator=',' close=')'>#{g}</foreach>",
            "  <if test='f.campaignId != null'> AND campaign_id = #{f.campaignId}</if>",
            "  <if test='f.unitId != null'> AND unit_id = #{f.unitId}</if>",
            "  <if test='f.stage != null'> AND stage = #{f.stage}</if>",
            "  <if test='f.overdueAt != null'> AND due_at &lt; #{f.overdueAt}</if>",
            // A closed campaign's forms not yet submitted leave 待办 (read-only now), unless reopened (补报).
            // The reopened flag is looked up per row by key: as "form_id IN (SELECT ... reopened = FALSE)"
            // MariaDB materialised every form of every campaign for each unit's page (2 ms at 11,000 forms).
            "  AND NOT (stage = 'Task_FillDraft' AND campaign_id IN (SELECT id FROM campaign WHERE status = 'CLOSED')",
            "   AND (SELECT r.reopened FROM evaluation_form r WHERE r.id = inbox_task.form_id) = FALSE)",
            // form_id (the key, V57) breaks ties: each group index ends with it, so the page is read in index order.
            "  ORDER BY created_at DESC, form_id DESC LIMIT #{limit} OFFSET #{offset}) i",
            " LEFT JOIN evaluation_form f ON f.id = i.form_id",
            " LEFT JOIN org_unit u ON u.id = f.unit_id LEFT JOIN campaign c ON c.id = f.campaign_id",
            " ORDER BY i.created_at DESC, i.form_id DESC",
            "</script>"})
    List<InboxItem> findForGroups(@Param("groups") List<String> groups, @Param("f") InboxFilter filter,
                                  @Param("limit") int limit, @Param("offset") int offset);

    /**
     * The filling units with open tasks in these groups (and the one the filter names, so that it stays
     * shown), in tree order: what the unit filter can narrow the inbox to.
     */
    @Select({"<script>",
            // From the (candidate_group, unit_id, ...) index first, then each unit by key.
            "SELECT u.id, u.code, u.name, u.kind, u.parent_id FROM (SELECT DISTINCT unit_id FROM inbox_task",
            " WHERE candidate_group IN <foreach collection='groups' item='g' open='(' separator=',' close=')'>#{g}</foreach>",
            " <if test='selected != null'> UNION SELECT id FROM org_unit WHERE id = #{selected}</if>",
            ") t JOIN org_unit u ON u.id = t.unit_id ORDER BY u.path",
            "</script>"})
    List<org.perfeval.organisation.OrgUnit> unitsWithTasks(@Param("groups") List<String> groups, @Param("selected") Long selected);

    /** 已办: forms this user acted on, with where each stands now. */
    @Select("SELECT f.id AS form_id, f.title, f.fiscal_year, u.name AS unit_name, f.status,"
            + " MAX(r.created_at) AS last_acted_at"
            + " FROM workflow_record r JOIN evaluation_form f ON f.id = r.form_id JOIN org_unit u ON u.id = f.unit_id"
            + " WHERE r.actor_id = #{actorId} AND r.action IN ('SUBMIT', 'WITHDRAW', 'CLAIM', 'APPROVE',"
            + " 'RETURN_TO_UNIT', 'RETURN_TO_SUPERVISOR', 'RELEASE', 'REASSIGN', 'TRANSFER', 'DELEGATE', 'RESOLVE',"
            + " 'CONSULT', 'CONSULT_ANSWER', 'CARBON_COPY')"
            + " GROUP BY f.id, f.title, f.fiscal_year, u.name, f.status ORDER BY last_acted_at DESC LIMIT 100")
    List<DoneItem> findDone(Long actorId);
}
