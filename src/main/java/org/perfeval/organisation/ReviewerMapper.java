package org.perfeval.organisation;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Reviewers as the task controls need them: who is lead, who can be handed a task or asked, who can
 * be copied. The reads with dynamic SQL are in mapper/ReviewerMapper.xml.
 */
@Mapper
interface ReviewerMapper {

    @Select("SELECT lead_reviewer FROM app_user WHERE id = #{id}")
    Boolean isLead(Long id);

    @Update("UPDATE app_user SET lead_reviewer = #{lead} WHERE id = #{id}")
    int updateLead(@Param("id") Long id, @Param("lead") boolean lead);

    List<AppUser> enabledReviewersIn(@Param("role") org.perfeval.shared.Role role, @Param("unitId") Long unitId);

    List<PickOption> findPeople(@Param("contains") String contains, @Param("starts") String starts,
                                @Param("exact") String exact, @Param("reviewersOnly") boolean reviewersOnly,
                                @Param("except") Long except, @Param("limit") int limit);

    List<PickOption> findUnits(@Param("contains") String contains, @Param("starts") String starts,
                               @Param("exact") String exact, @Param("limit") int limit);

    List<AppUser> usersNamed(@Param("names") Collection<String> lowerCaseNames);

    List<PickOption> unitsNamed(@Param("names") Collection<String> lowerCaseNamesOrCodes);

    List<Long> enabledAmong(@Param("ids") Collection<Long> ids, @Param("reviewersOnly") boolean reviewersOnly);

    List<AppUser> enabledUsersOf(@Param("unitIds") Collection<Long> unitIds);
}
