package org.perfeval.followup;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface FollowUpMapper {
    String SELECT = "SELECT x.id, x.form_id, f.title AS form_title, x.unit_id, u.name AS unit_name, f.supervising_unit_id,"
            + " x.fiscal_year, x.stage, x.opinion_option, x.detail, x.status, x.accepted, x.unit_note, x.due_at, x.updated_at"
            + " FROM follow_up x JOIN evaluation_form f ON f.id = x.form_id JOIN org_unit u ON u.id = x.unit_id";

    /** Once per form, stage and opinion: re-approving after a return adds nothing. */
    @Insert("INSERT INTO follow_up (form_id, unit_id, fiscal_year, stage, opinion_option, detail, status, due_at,"
            + " created_at, updated_at) SELECT #{formId}, #{unitId}, #{year}, #{stage}, #{option}, #{detail}, 'OPEN',"
            + " #{dueAt}, #{at}, #{at} FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM follow_up WHERE form_id = #{formId}"
            + " AND stage = #{stage} AND opinion_option = #{option})")
    int insertOnce(@Param("formId") Long formId, @Param("unitId") Long unitId, @Param("year") Integer year,
                   @Param("stage") String stage, @Param("option") String option, @Param("detail") String detail,
                   @Param("dueAt") Instant dueAt, @Param("at") Instant at);

    @Select(SELECT + " WHERE x.id = #{id}")
    FollowUp find(Long id);

    @Select({"<script>", SELECT, " WHERE 1 = 1",
            "<if test='unitId != null'> AND x.unit_id = #{unitId}</if>",
            "<if test='departmentId != null'> AND f.unit_id IN (" + org.perfeval.organisation.OrgTree.SUBTREE_UNIT_IDS + "#{departmentId})</if>",
            "<if test='formId != null'> AND x.form_id = #{formId}</if>",
            " ORDER BY x.fiscal_year DESC, x.id LIMIT 1000", "</script>"})
    List<FollowUp> search(@Param("unitId") Long unitId, @Param("departmentId") Long departmentId,
                          @Param("formId") Long formId);

    /** Earlier years' items of a unit that are not yet accepted: they come back on this year's form. */
    @Select(SELECT + " WHERE x.unit_id = #{unitId} AND x.fiscal_year < #{year} AND x.accepted = FALSE ORDER BY x.id")
    List<FollowUp> carriedOver(@Param("unitId") Long unitId, @Param("year") Integer year);

    @Update("UPDATE follow_up SET status = #{status}, unit_note = #{note}, updated_at = #{at} WHERE id = #{id}")
    void report(@Param("id") Long id, @Param("status") FollowUpStatus status, @Param("note") String note,
                @Param("at") Instant at);

    @Update("UPDATE follow_up SET status = #{status}, accepted = #{accepted}, updated_at = #{at} WHERE id = #{id}")
    void review(@Param("id") Long id, @Param("status") FollowUpStatus status, @Param("accepted") boolean accepted,
                @Param("at") Instant at);

    /** 结果应用汇总: how many forms of a campaign got each review opinion, by department. */
    @Select("SELECT o.stage, x.option_label, s.name AS department_name, COUNT(DISTINCT f.id) AS forms"
            + " FROM review_opinion_option x JOIN review_opinion o ON o.id = x.opinion_id"
            + " JOIN evaluation_form f ON f.id = o.form_id JOIN org_unit s ON s.id = f.supervising_unit_id"
            + " WHERE f.campaign_id = #{campaignId} AND o.decision = 'APPROVE'"
            + " GROUP BY o.stage, x.option_label, s.name ORDER BY o.stage, x.option_label, s.name")
    List<OpinionCount> opinionSummary(Long campaignId);

    record OpinionCount(String stage, String optionLabel, String departmentName, int forms) {
    }
}
