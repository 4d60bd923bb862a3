package org.perfeval.overdue;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OverdueMapper {

    @Insert("INSERT INTO overdue_mark (task_id, form_id, stage, due_at, overdue_at)"
            + " SELECT #{taskId}, #{formId}, #{stage}, #{dueAt}, #{at} FROM DUAL"
            + " WHERE NOT EXISTS (SELECT 1 FROM overdue_mark WHERE task_id = #{taskId})")
    int markOnce(@Param("taskId") String taskId, @Param("formId") Long formId, @Param("stage") String stage,
                 @Param("dueAt") Instant dueAt, @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM overdue_mark WHERE form_id = #{formId}")
    int marksOf(Long formId);

    /** Open tasks past their due date, with who holds them; scoped by campaign and department when given. */
    @Select({"<script>",
            "SELECT f.id AS form_id, f.title, u.name AS unit_name, s.name AS department_name, f.supervising_unit_id,",
            " c.name AS campaign_name, i.stage, i.assignee, i.candidate_group, i.due_at, m.overdue_at",
            " FROM inbox_task i JOIN evaluation_form f ON f.id = i.form_id JOIN org_unit u ON u.id = f.unit_id",
            " JOIN org_unit s ON s.id = f.supervising_unit_id JOIN campaign c ON c.id = f.campaign_id",
            " LEFT JOIN overdue_mark m ON m.task_id = i.task_id",
            " WHERE i.due_at &lt; #{now}",
            " <if test='campaignId != null'> AND f.campaign_id = #{campaignId}</if>",
            " <if test='departmentId != null'> AND f.unit_id IN (" + org.perfeval.organisation.OrgTree.SUBTREE_UNIT_IDS + "#{departmentId})</if>",
            " <if test='unitId != null'> AND f.unit_id = #{unitId}</if>",
            " ORDER BY i.due_at, f.id LIMIT 5000",
            "</script>"})
    List<OverdueRow> overdue(@Param("now") Instant now, @Param("campaignId") Long campaignId,
                             @Param("departmentId") Long departmentId, @Param("unitId") Long unitId);

    @Insert("INSERT INTO reminder (form_id, stage, sent_by, sent_at) VALUES (#{formId}, #{stage}, #{by}, #{at})")
    void insertReminder(@Param("formId") Long formId, @Param("stage") String stage, @Param("by") Long by,
                        @Param("at") Instant at);

    @Select("SELECT MAX(sent_at) FROM reminder WHERE form_id = #{formId}")
    Instant lastReminder(Long formId);

    @Select("SELECT COUNT(*) FROM reminder WHERE form_id = #{formId}")
    int reminders(Long formId);
}
