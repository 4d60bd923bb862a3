package org.perfeval.notification;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface NotificationMapper {

    /** Inserts unless the dedup key exists: a retried job or a second node adds nothing. */
    @Insert("INSERT INTO notification (recipient_id, kind, form_id, message, created_at, dedup_key)"
            + " SELECT #{recipientId}, #{kind}, #{formId}, #{message}, #{at}, #{key} FROM DUAL"
            + " WHERE NOT EXISTS (SELECT 1 FROM notification WHERE dedup_key = #{key})")
    int insertOnce(@Param("recipientId") Long recipientId, @Param("kind") NotificationKind kind,
                   @Param("formId") Long formId, @Param("message") String message, @Param("at") Instant at,
                   @Param("key") String key);

    @Select("SELECT id, recipient_id, kind, form_id, message, created_at, read_at FROM notification"
            + " WHERE recipient_id = #{recipientId} ORDER BY id DESC LIMIT #{limit}")
    List<Notification> findFor(@Param("recipientId") Long recipientId, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM notification WHERE recipient_id = #{recipientId} AND read_at IS NULL")
    int unread(Long recipientId);

    @Update("UPDATE notification SET read_at = #{at} WHERE id = #{id} AND recipient_id = #{recipientId}"
            + " AND read_at IS NULL")
    int markRead(@Param("id") Long id, @Param("recipientId") Long recipientId, @Param("at") Instant at);

    @Update("UPDATE notification SET read_at = #{at} WHERE recipient_id = #{recipientId} AND read_at IS NULL")
    int markAllRead(@Param("recipientId") Long recipientId, @Param("at") Instant at);

    /** Users behind an engine candidate group (see AccessPolicy.candidateGroups), plus administrators if asked. */
    @Select({"<script>",
            "SELECT id FROM app_user WHERE enabled = TRUE AND (",
            " <choose>",
            "  <when test='role != null'>(role = #{role} <if test='unitId != null'>AND unit_id = #{unitId}</if>)</when>",
            "  <otherwise>1 = 0</otherwise>",
            " </choose>",
            " <if test='withAdmins'> OR role = 'ADMIN'</if>)",
            " ORDER BY id",
            "</script>"})
    List<Long> recipients(@Param("role") String role, @Param("unitId") Long unitId,
                          @Param("withAdmins") boolean withAdmins);
}
