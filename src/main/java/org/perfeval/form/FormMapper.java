package org.perfeval.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.ReportSection;

/** SQL in src/main/resources/mapper/FormMapper.xml. */
@Mapper
public interface FormMapper {

    void insertForm(NewFormRow row);

    FormHeader findHeader(Long id);

    /** The headers of these forms (ids not empty), in one read. */
    List<FormHeader> findHeaders(@Param("ids") java.util.Collection<Long> ids);

    /**
     * The header fields of the content; 0 rows when the version moved on. With {@code filing}, a
     * submission: the submission time and the names as at filing (V55), which later renames and moves of
     * the unit leave as they were; the last return reason is cleared.
     */
    int updateContent(@Param("id") Long id, @Param("version") int expectedVersion,
                      @Param("c") EvaluationForm content, @Param("filing") Filing filing);

    record Filing(String unitName, String supervisingName, String path, Instant at) {
    }

    /** The form enters a stage of its process (and so learns its process instance, at the first). */
    int updateStatus(@Param("id") Long id, @Param("status") FormStatus status, @Param("pid") String processInstanceId);

    void updateScore(@Param("id") Long id, @Param("total") BigDecimal total, @Param("grade") String grade,
                     @Param("deduction") BigDecimal deduction, @Param("hasErrors") boolean hasErrors,
                     @Param("json") String json, @Param("at") Instant at);

    void updateReturnReason(@Param("id") Long id, @Param("reason") String reason);

    /** 作废: the status and its reason (V55). */
    @org.apache.ibatis.annotations.Update("UPDATE evaluation_form SET status = 'CANCELLED', cancel_reason = #{reason},"
            + " version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
    void markCancelled(@Param("id") Long id, @Param("reason") String reason);

    /** 重新开放: the reason goes where a return's would, so the unit sees it; closed campaigns let the form through. */
    @org.apache.ibatis.annotations.Update("UPDATE evaluation_form SET cancel_reason = NULL, return_reason = #{reason},"
            + " reopened = #{reopened}, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
    void markReopened(@Param("id") Long id, @Param("reason") String reason, @Param("reopened") boolean reopened);

    void markPublished(@Param("id") Long id, @Param("at") Instant at);

    EvaluationForm findContentHeader(Long id);

    List<BudgetLine> findBudgetLines(Long formId);

    List<Indicator> findIndicators(Long formId);

    /** The 分项指标 of the form's composite rows, by the seq of their row. */
    List<PartRow> findIndicatorParts(Long formId);

    List<ReportSection> findReportSections(Long formId);

    List<SuggestionRow> findSuggestions(Long formId);

    void deleteBudgetLines(Long formId);

    void deleteIndicators(Long formId);

    void deleteIndicatorParts(Long formId);

    void deleteReportSections(Long formId);

    void deleteSuggestions(Long formId);

    List<FormHeader> findByCampaign(Long campaignId);

    /** The forms these units already have in the campaign (opening is idempotent). */
    @org.apache.ibatis.annotations.Select({"<script>",
            "SELECT id, unit_id, title, process_instance_id FROM evaluation_form WHERE campaign_id = #{campaignId}",
            " AND unit_id IN <foreach collection='unitIds' item='u' open='(' separator=',' close=')'>#{u}</foreach>",
            "</script>"})
    List<OpenedForm> findOpened(@Param("campaignId") Long campaignId, @Param("unitIds") java.util.Collection<Long> unitIds);

    /** These units' forms of a year, newest per title: last year's form to start this year's from. */
    @org.apache.ibatis.annotations.Select({"<script>",
            "SELECT MAX(id) AS id, unit_id, title, NULL AS process_instance_id FROM evaluation_form",
            " WHERE fiscal_year = #{year}",
            " AND unit_id IN <foreach collection='unitIds' item='u' open='(' separator=',' close=')'>#{u}</foreach>",
            " GROUP BY unit_id, title",
            "</script>"})
    List<OpenedForm> findOfYear(@Param("unitIds") java.util.Collection<Long> unitIds, @Param("year") Integer year);

    record OpenedForm(Long id, Long unitId, String title, String processInstanceId) {
    }

    record PartRow(Integer indicatorSeq, String name, String operator, String target, String unitOfMeasure,
                   String actual, String rating) {
    }

    record SuggestionRow(String optionLabel, String detail) {
    }

    /** Insert row for a new form; id is filled in. */
    class NewFormRow {
        public Long id;
        public Long campaignId;
        public Long unitId;
        public Long supervisingUnitId;
        public String formType;
        public Integer fiscalYear;
        public String title;
        public String ruleSet;
        /** The first content: its header fields go into the row, its rows into the child tables. */
        public EvaluationForm content;
    }
}
