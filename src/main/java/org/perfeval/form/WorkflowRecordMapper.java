package org.perfeval.form;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Append-only: there is deliberately no update or delete. */
@Mapper
public interface WorkflowRecordMapper {

    @Insert("INSERT INTO workflow_record (form_id, actor_id, actor_name, action, from_status, to_status, detail,"
            + " snapshot, created_at) VALUES (#{formId}, #{actorId}, #{actorName}, #{action}, #{from}, #{to},"
            + " #{detail}, #{snapshot}, CURRENT_TIMESTAMP)")
    void insert(@Param("formId") Long formId, @Param("actorId") Long actorId, @Param("actorName") String actorName,
                @Param("action") WorkflowAction action, @Param("from") FormStatus from, @Param("to") FormStatus to,
                @Param("detail") String detail, @Param("snapshot") String snapshot);

    /** The same record for several forms (a campaign opening), in one statement. */
    @Insert({"<script>",
            "INSERT INTO workflow_record (form_id, actor_id, actor_name, action, from_status, to_status, detail,",
            " snapshot, created_at) VALUES",
            " <foreach collection='formIds' item='formId' separator=','>",
            "(#{formId}, #{actorId}, #{actorName}, #{action}, #{from}, #{to}, #{detail}, NULL, CURRENT_TIMESTAMP)",
            " </foreach>",
            "</script>"})
    void insertAll(@Param("formIds") List<Long> formIds, @Param("actorId") Long actorId,
                   @Param("actorName") String actorName, @Param("action") WorkflowAction action,
                   @Param("from") FormStatus from, @Param("to") FormStatus to, @Param("detail") String detail);

    @Select("SELECT id, form_id, actor_id, actor_name, action, from_status, to_status, detail, created_at"
            + " FROM workflow_record WHERE form_id = #{formId} ORDER BY id")
    List<WorkflowRecord> findByForm(Long formId);

    @Select("SELECT snapshot FROM workflow_record WHERE form_id = #{formId} AND action = 'SUBMIT'"
            + " AND snapshot IS NOT NULL ORDER BY id DESC LIMIT 2")
    List<String> lastSubmittedSnapshots(Long formId);
}
