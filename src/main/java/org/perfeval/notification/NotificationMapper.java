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
    @Insert("INSERT INTO notification (recipient_id, kind, form_id, message, created_at, dedup_key, email_state)"
            + " SELECT #{recipientId}, #{kind}, #{formId}, #{message}, #{at}, #{key}, #{emailState} FROM DUAL"
            + " WHERE NOT EXISTS (SELECT 1 FROM notification WHERE dedup_key = #{key})")
    int insertOnce(@Param("recipientId") Long recipientId, @Param("kind") NotificationKind kind,
                   @Param("formId") Long formId, @Param("message") String message, @Param("at") Instant at,
                   @Param("key") String key, @Param("emailState") String emailState);

    @Select("SELECT n.id, n.kind, n.form_id, n.message, u.email FROM notification n JOIN app_user u ON u.id = n.recipient_id"
            + " WHERE n.email_state = 'PENDING' ORDER BY n.id LIMIT #{limit}")
    List<PendingEmail> pendingEmails(int limit);

    /** Takes a pending e-mail for this node; 0 if another node took it first. */
    @Update("UPDATE notification SET email_state = 'SENDING' WHERE id = #{id} AND email_state = 'PENDING'")
    int claimEmail(Long id);

    @Update("UPDATE notification SET email_state = #{state}, emailed_at = #{at} WHERE id = #{id} AND email_state = 'SENDING'")
    int finishEmail(@Param("id") Long id, @Param("state") String state, @Param("at") Instant at);

    /** A failed send goes back to PENDING, or to FAILED after the last attempt. */
    @Update("UPDATE notification SET email_state = CASE WHEN email_attempts + 1 >= #{maxAttempts} THEN 'FAILED'"
            + " ELSE 'PENDING' END, email_attempts = email_attempts + 1 WHERE id = #{id} AND email_state = 'SENDING'")
    int releaseEmail(@Param("id") Long id, @Param("maxAttempts") int maxAttempts);

    record PendingEmail(Long id, NotificationKind kind, Long formId, String message, String email) {
    }

    @Select("SELECT id, recipient_id, kind, form_id, message, created_at, read_at FROM notification"
            + " WHERE recipient_id = #{recipientId} ORDER BY id DESC LIMIT #{limit}")
    List<Notification> findFor(@Param("recipientId") Long recipientId, @Param("limit") int limit);

    /** Counts at most 100: the top bar shows "99+" beyond, and a unit with 10,000 forms need not count them all. */
    @Select("SELECT COUNT(*) FROM (SELECT 1 FROM notification WHERE recipient_id = #{recipientId} AND read_at IS NULL"
            + " LIMIT 100) unread")
    int unread(Long recipientId);

    @Update("UPDATE notification SET read_at = #{at} WHERE id = #{id} AND recipient_id = #{recipientId}"
            + " AND read_at IS NULL")
    int markRead(@Param("id") Long id, @Param("recipientId") Long recipientId, @Param("at") Instant at);

    @Update("UPDATE notification SET read_at = #{at} WHERE recipient_id = #{recipientId} AND read_at IS NULL")
    int markAllRead(@Param("recipientId") Long recipientId, @Param("at") Instant at);

    /** Users behind an engine candidate group (see AccessPolicy.candidateGroups), plus administrators if asked. */
    String RECIPIENTS = "u.enabled = TRUE AND ("
            + " <choose>"
            + "  <when test='role != null'>(u.role = #{role} <if test='unitId != null'>AND u.unit_id = #{unitId}</if>)</when>"
            + "  <otherwise>1 = 0</otherwise>"
            + " </choose>"
            + " <if test='withAdmins'> OR u.role = 'ADMIN'</if>)";

    /**
     * The 【待办】 notice of a task arriving, to every recipient in one statement, its text made from
     * the form's title and unit in the same statement (reading the form first cost a round trip per task).
     */
    @Insert({"<script>",
            "INSERT INTO notification (recipient_id, kind, form_id, message, created_at, dedup_key, email_state)",
            " SELECT u.id, 'TASK', f.id, LEFT(CONCAT('【待办】', f.title, '（', o.name, '）待', #{stageLabel}), 500),",
            " #{at}, CONCAT(#{key}, ':', u.id), #{emailState}",
            " FROM evaluation_form f JOIN org_unit o ON o.id = f.unit_id, app_user u",
            " WHERE f.id = #{formId} AND " + RECIPIENTS,
            " AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedup_key = CONCAT(#{key}, ':', u.id))",
            "</script>"})
    int insertTaskArrived(@Param("role") String role, @Param("unitId") Long unitId, @Param("withAdmins") boolean withAdmins,
                          @Param("formId") Long formId, @Param("stageLabel") String stageLabel, @Param("at") Instant at,
                          @Param("key") String key, @Param("emailState") String emailState);

    /**
     * One notice to every recipient in one statement; each row's dedup key is the given key plus the
     * user id, and users who already have theirs (a retried job, a second node) get nothing more.
     */
    @Insert({"<script>",
            "INSERT INTO notification (recipient_id, kind, form_id, message, created_at, dedup_key, email_state)",
            " SELECT u.id, #{kind}, #{formId}, #{message}, #{at}, CONCAT(#{key}, ':', u.id), #{emailState}",
            " FROM app_user u WHERE " + RECIPIENTS,
            " AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedup_key = CONCAT(#{key}, ':', u.id))",
            "</script>"})
    int insertForGroup(@Param("role") String role, @Param("unitId") Long unitId, @Param("withAdmins") boolean withAdmins,
                       @Param("kind") NotificationKind kind, @Param("formId") Long formId,
                       @Param("message") String message, @Param("at") Instant at, @Param("key") String key,
                       @Param("emailState") String emailState);
}
