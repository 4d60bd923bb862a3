package org.perfeval.review;

import org.perfeval.approval.Decision;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ReviewMapper {

    @Insert("INSERT INTO review_opinion (form_id, stage, reviewer_id, decision, reason, overall_opinion, created_at)"
            + " VALUES (#{formId}, #{stage}, #{reviewerId}, #{decision}, #{reason}, #{overallOpinion}, CURRENT_TIMESTAMP)")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewOpinion opinion);

    @Insert("INSERT INTO review_opinion_option (opinion_id, seq, option_label, detail)"
            + " VALUES (#{opinionId}, #{seq}, #{label}, #{detail})")
    void insertOption(@Param("opinionId") Long opinionId, @Param("seq") int seq, @Param("label") String label,
                      @Param("detail") String detail);

    @Select("SELECT o.id, o.stage, u.display_name AS reviewer_name, o.decision, o.reason, o.overall_opinion,"
            + " o.created_at FROM review_opinion o JOIN app_user u ON u.id = o.reviewer_id"
            + " WHERE o.form_id = #{formId} ORDER BY o.id")
    List<OpinionRow> findByForm(Long formId);

    /** Unordered: sorting a join by the inner table's columns made MariaDB build a temporary table. */
    @Select("SELECT x.opinion_id, x.seq, x.option_label, x.detail FROM review_opinion_option x"
            + " JOIN review_opinion o ON o.id = x.opinion_id WHERE o.form_id = #{formId}")
    List<OptionRow> findOptionsByForm(Long formId);

    record OpinionRow(Long id, OpinionBlock stage, String reviewerName, Decision decision, String reason,
                      String overallOpinion, java.time.Instant createdAt) {
    }

    record OptionRow(Long opinionId, Integer seq, String optionLabel, String detail) {
    }

    class NewOpinion {
        public Long id;
        public Long formId;
        public OpinionBlock stage;
        public Long reviewerId;
        public Decision decision;
        public String reason;
        public String overallOpinion;
    }
}
