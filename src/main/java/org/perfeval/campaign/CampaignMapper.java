package org.perfeval.campaign;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CampaignMapper {
    String COLUMNS = "id, name, fiscal_year, form_type, rule_set, template, status, fill_due, supervisor_due, finance_due";

    @Insert("INSERT INTO campaign (name, fiscal_year, form_type, rule_set, template, status, fill_due, supervisor_due,"
            + " finance_due, created_by, public_opinions, secondary_review) VALUES (#{name}, #{fiscalYear}, #{formType},"
            + " #{ruleSet}, #{template}, 'DRAFT', #{fillDue}, #{supervisorDue}, #{financeDue}, #{createdBy},"
            + " #{publicOpinions}, #{secondaryReview})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewCampaign row);

    @Select("SELECT " + COLUMNS + " FROM campaign WHERE id = #{id}")
    Campaign find(Long id);

    @Select("SELECT " + COLUMNS + " FROM campaign ORDER BY fiscal_year DESC, id DESC")
    List<Campaign> findAll();

    @Select({"<script>",
            "SELECT c.id, c.name, c.fiscal_year, c.form_type, c.rule_set, c.template, c.status, c.fill_due,"
            + " c.supervisor_due, c.finance_due FROM campaign c WHERE EXISTS (SELECT 1 FROM evaluation_form f",
            " WHERE f.campaign_id = c.id",
            " <if test='unitId != null'> AND f.unit_id = #{unitId}</if>",
            " <if test='departmentId != null'> AND f.unit_id IN (" + org.perfeval.organisation.OrgTree.SUBTREE_UNIT_IDS + "#{departmentId})</if>",
            ") ORDER BY fiscal_year DESC, id DESC",
            "</script>"})
    List<Campaign> findWithFormsOf(@Param("unitId") Long unitId, @Param("departmentId") Long departmentId);

    @Select("SELECT secondary_review FROM campaign WHERE id = #{id}")
    boolean secondaryReviewOf(Long id);

    @Select("SELECT c.public_opinions FROM campaign c JOIN evaluation_form f ON f.campaign_id = c.id"
            + " WHERE f.id = #{formId}")
    String publicOpinionsOf(Long formId);

    @Update("UPDATE campaign SET status = #{status} WHERE id = #{id}")
    void updateStatus(@Param("id") Long id, @Param("status") CampaignStatus status);

    @Update("UPDATE campaign SET fill_due = #{fill}, supervisor_due = #{supervisor}, finance_due = #{finance}"
            + " WHERE id = #{id}")
    void updateDeadlines(@Param("id") Long id, @Param("fill") java.time.Instant fill,
                         @Param("supervisor") java.time.Instant supervisor, @Param("finance") java.time.Instant finance);

    /** Locks the campaign row so that two openings of one campaign run one after the other. */
    @Select("SELECT " + COLUMNS + " FROM campaign WHERE id = #{id} FOR UPDATE")
    Campaign lock(Long id);
}
