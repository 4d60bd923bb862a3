package org.perfeval.approval;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The deadline alarms {@link Deadlines#sweep} raised or failed to raise (table deadline_alarm). */
@Mapper
interface DeadlineAlarmMapper {

    /**
     * Open tasks with a due date by {@code horizon} whose alarm for now is neither raised nor given up:
     * 逾期 once the due date has passed, 即将到期 before. Read from the inbox projection, which the task
     * listeners keep in the engine's transaction.
     */
    @Select("SELECT t.form_id, t.task_id, t.stage, t.candidate_group, t.due_at,"
            + " CASE WHEN t.due_at <= #{now} THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind"
            + " FROM inbox_task t WHERE t.due_at <= #{horizon}"
            + " AND NOT EXISTS (SELECT 1 FROM deadline_alarm a WHERE a.task_id = t.task_id AND a.due_at = t.due_at"
            + "   AND a.kind = CASE WHEN t.due_at <= #{now} THEN 'OVERDUE' ELSE 'DUE_SOON' END"
            + "   AND (a.raised_at IS NOT NULL OR a.attempts >= #{maxAttempts}))"
            + " ORDER BY t.due_at, t.form_id LIMIT #{limit}")
    List<Due> due(@Param("now") Instant now, @Param("horizon") Instant horizon, @Param("maxAttempts") int maxAttempts,
                  @Param("limit") int limit);

    record Due(Long formId, String taskId, String stage, String candidateGroup, Instant dueAt, String kind) {
    }

    /** Claims a new alarm; a second node gets a duplicate key. */
    @Insert("INSERT INTO deadline_alarm (task_id, kind, due_at, form_id, raised_at, attempts)"
            + " VALUES (#{d.taskId}, #{d.kind}, #{d.dueAt}, #{d.formId}, #{at}, 0)")
    int insertRaised(@Param("d") Due due, @Param("at") Instant at);

    /** Claims an alarm that failed before and has attempts left; 0 when none or another node has it. */
    @Update("UPDATE deadline_alarm SET raised_at = #{at} WHERE task_id = #{d.taskId} AND kind = #{d.kind}"
            + " AND due_at = #{d.dueAt} AND raised_at IS NULL AND attempts < #{maxAttempts}")
    int claimRetry(@Param("d") Due due, @Param("at") Instant at, @Param("maxAttempts") int maxAttempts);

    @Update("UPDATE deadline_alarm SET attempts = attempts + 1, last_error = #{error}, failed_at = #{at}"
            + " WHERE task_id = #{d.taskId} AND kind = #{d.kind} AND due_at = #{d.dueAt} AND raised_at IS NULL")
    int countFailure(@Param("d") Due due, @Param("error") String error, @Param("at") Instant at);

    @Insert("INSERT INTO deadline_alarm (task_id, kind, due_at, form_id, attempts, last_error, failed_at)"
            + " VALUES (#{d.taskId}, #{d.kind}, #{d.dueAt}, #{d.formId}, 1, #{error}, #{at})")
    int insertFailure(@Param("d") Due due, @Param("error") String error, @Param("at") Instant at);

    /** Alarms of tasks that are no longer open: their task ended, so they have nothing left to say. */
    @Delete("DELETE FROM deadline_alarm WHERE NOT EXISTS"
            + " (SELECT 1 FROM inbox_task t WHERE t.task_id = deadline_alarm.task_id)")
    int forgetEnded();

    /** Alarms that used all their attempts (系统故障). */
    @Select("SELECT a.id, a.form_id, f.title, t.stage, a.kind, a.last_error, a.failed_at FROM deadline_alarm a"
            + " LEFT JOIN inbox_task t ON t.task_id = a.task_id LEFT JOIN evaluation_form f ON f.id = a.form_id"
            + " WHERE a.raised_at IS NULL AND a.attempts >= #{maxAttempts} ORDER BY a.failed_at DESC LIMIT 200")
    List<Failed> failed(int maxAttempts);

    record Failed(Long id, Long formId, String title, String stage, String kind, String lastError, Instant failedAt) {
    }

    /** One more attempt at the next sweep, as the engine's job retry gives one. */
    @Update("UPDATE deadline_alarm SET attempts = #{maxAttempts} - 1 WHERE id = #{id} AND raised_at IS NULL"
            + " AND attempts >= #{maxAttempts}")
    int retry(@Param("id") Long id, @Param("maxAttempts") int maxAttempts);
}
