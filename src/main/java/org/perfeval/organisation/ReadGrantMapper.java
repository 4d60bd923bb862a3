package org.perfeval.organisation;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Read-only access to one form beyond the organisation's scope: asked for an opinion (征求意见), copied (抄送). */
@Mapper
interface ReadGrantMapper {

    @Select("SELECT (SELECT COUNT(*) FROM consultation WHERE form_id = #{formId} AND asked_id = #{userId})"
            + " + (SELECT COUNT(*) FROM form_cc WHERE user_id = #{userId} AND form_id = #{formId})")
    int grants(@Param("formId") Long formId, @Param("userId") Long userId);
}
