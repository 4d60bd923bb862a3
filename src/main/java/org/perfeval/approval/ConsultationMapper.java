package org.perfeval.approval;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ConsultationMapper {
    String COLUMNS = "SELECT c.id, c.form_id, c.task_id, c.stage, c.asker_id, a.display_name AS asker_name, c.asked_id,"
            + " q.display_name AS asked_name, c.question, c.answer, c.asked_at, c.answered_at, f.title AS form_title,"
            + " u.name AS unit_name, f.fiscal_year,"
            + " CASE WHEN EXISTS (SELECT 1 FROM inbox_task i WHERE i.task_id = c.task_id) THEN TRUE ELSE FALSE END AS is_open"
            + " FROM consultation c JOIN app_user a ON a.id = c.asker_id JOIN app_user q ON q.id = c.asked_id"
            + " JOIN evaluation_form f ON f.id = c.form_id JOIN org_unit u ON u.id = f.unit_id";

    @Insert("INSERT INTO consultation (form_id, task_id, stage, asker_id, asked_id, question, asked_at)"
            + " VALUES (#{formId}, #{taskId}, #{stage}, #{askerId}, #{askedId}, #{question}, #{at})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewConsultation row);

    @Update("UPDATE consultation SET answer = #{answer}, answered_at = #{at} WHERE id = #{id} AND answered_at IS NULL")
    int answer(@Param("id") Long id, @Param("answer") String answer, @Param("at") Instant at);

    @Select(COLUMNS + " WHERE c.id = #{id}")
    Consultation find(Long id);

    @Select(COLUMNS + " WHERE c.form_id = #{formId} ORDER BY c.id")
    List<Consultation> findByForm(Long formId);

    /** The actor's requests: unanswered ones of open tasks first, then the latest others. */
    @Select(COLUMNS + " WHERE c.asked_id = #{userId} ORDER BY c.answered_at IS NULL DESC, c.id DESC LIMIT 100")
    List<Consultation> findForAsked(Long userId);

    @Select("SELECT COUNT(*) FROM consultation WHERE task_id = #{taskId} AND answered_at IS NULL")
    int countUnanswered(String taskId);

    class NewConsultation {
        public Long id;
        public Long formId;
        public String taskId;
        public String stage;
        public Long askerId;
        public Long askedId;
        public String question;
        public Instant at;
    }
}
