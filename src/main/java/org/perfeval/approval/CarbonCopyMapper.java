package org.perfeval.approval;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface CarbonCopyMapper {

    /** 0 when the user already has a copy of the form. */
    @Insert("INSERT INTO form_cc (form_id, user_id, sender_id, created_at) SELECT #{formId}, #{userId}, #{senderId},"
            + " #{at} FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM form_cc WHERE user_id = #{userId} AND form_id = #{formId})")
    int insert(@Param("formId") Long formId, @Param("userId") Long userId, @Param("senderId") Long senderId,
               @Param("at") Instant at);

    @Select("SELECT f.id AS form_id, f.title, u.name AS unit_name, f.fiscal_year, f.status, s.display_name AS sender_name,"
            + " c.created_at AS copied_at FROM form_cc c JOIN evaluation_form f ON f.id = c.form_id"
            + " JOIN org_unit u ON u.id = f.unit_id JOIN app_user s ON s.id = c.sender_id"
            + " WHERE c.user_id = #{userId} ORDER BY c.created_at DESC, c.id DESC LIMIT 200")
    List<CarbonCopy> findForUser(Long userId);
}
