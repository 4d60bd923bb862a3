package org.perfeval.organisation;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Reviewers as the task controls need them: who is lead, who can be handed a task or asked. */
@Mapper
interface ReviewerMapper {

    @Select("SELECT lead_reviewer FROM app_user WHERE id = #{id}")
    Boolean isLead(Long id);

    @Update("UPDATE app_user SET lead_reviewer = #{lead} WHERE id = #{id}")
    int updateLead(@Param("id") Long id, @Param("lead") boolean lead);

    @Select("SELECT id, username, password_hash, display_name, unit_id, role, enabled, email, must_change_password"
            + " FROM app_user WHERE enabled = TRUE AND role IN ('SUPERVISOR_REVIEWER', 'FINANCE_REVIEWER')"
            + " ORDER BY unit_id, id")
    List<AppUser> enabledReviewers();

    @Select("SELECT id, username, password_hash, display_name, unit_id, role, enabled, email, must_change_password"
            + " FROM app_user WHERE enabled = TRUE ORDER BY unit_id, id")
    List<AppUser> enabledUsers();
}
