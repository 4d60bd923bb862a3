package org.perfeval.form;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RequestKeyMapper {

    @Select("SELECT outcome FROM request_key WHERE actor_id = #{actorId} AND request_key = #{key} AND form_id = #{formId}")
    String outcome(@Param("actorId") Long actorId, @Param("key") String key, @Param("formId") Long formId);

    @Insert("INSERT INTO request_key (actor_id, request_key, form_id, action, outcome, created_at)"
            + " VALUES (#{actorId}, #{key}, #{formId}, #{action}, #{outcome}, #{at})")
    void insert(@Param("actorId") Long actorId, @Param("key") String key, @Param("formId") Long formId,
                @Param("action") String action, @Param("outcome") String outcome, @Param("at") Instant at);
}
