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

    /** Null when the form does not exist. */
    FormRoute findRoute(Long id);

    /** The header fields of the content; 0 rows when the version moved on. */
    int updateContent(@Param("id") Long id, @Param("version") int expectedVersion,
                      @Param("c") EvaluationForm content);

    int updateStatus(@Param("id") Long id, @Param("status") FormStatus status);

    /** Also clears the reason of the last return, which the submission answers. */
    void markSubmitted(@Param("id") Long id, @Param("at") Instant at);

    void updateScore(@Param("id") Long id, @Param("total") BigDecimal total, @Param("grade") String grade,
                     @Param("deduction") BigDecimal deduction, @Param("hasErrors") boolean hasErrors,
                     @Param("json") String json, @Param("at") Instant at);

    void updateReturnReason(@Param("id") Long id, @Param("reason") String reason);

    void markPublished(@Param("id") Long id, @Param("at") Instant at);

    void setProcessInstance(@Param("id") Long id, @Param("pid") String processInstanceId);

    EvaluationForm findContentHeader(Long id);

    List<BudgetLine> findBudgetLines(Long formId);

    List<Indicator> findIndicators(Long formId);

    List<ReportSection> findReportSections(Long formId);

    List<SuggestionRow> findSuggestions(Long formId);

    void deleteBudgetLines(Long formId);

    void deleteIndicators(Long formId);

    void deleteReportSections(Long formId);

    void deleteSuggestions(Long formId);

    void insertBudgetLines(@Param("formId") Long formId, @Param("rows") List<BudgetLine> rows);

    void insertIndicators(@Param("formId") Long formId, @Param("rows") List<Indicator> rows);

    void insertReportSections(@Param("formId") Long formId, @Param("rows") List<ReportSection> rows);

    void insertSuggestions(@Param("formId") Long formId, @Param("rows") List<SuggestionRow> rows);

    List<FormHeader> findByCampaign(Long campaignId);

    @org.apache.ibatis.annotations.Select("SELECT id, process_instance_id FROM evaluation_form"
            + " WHERE campaign_id = #{campaignId} AND unit_id = #{unitId} AND title = #{title}")
    OpenedForm findOpened(@Param("campaignId") Long campaignId, @Param("unitId") Long unitId,
                          @Param("title") String title);

    @org.apache.ibatis.annotations.Select("SELECT c.status FROM campaign c JOIN evaluation_form f ON f.campaign_id = c.id"
            + " WHERE f.id = #{formId}")
    String campaignStatus(Long formId);

    /** Last year's form of the same unit and title, to start this year's from. */
    @org.apache.ibatis.annotations.Select("SELECT MAX(id) FROM evaluation_form WHERE unit_id = #{unitId}"
            + " AND title = #{title} AND fiscal_year = #{year}")
    Long findPrevious(@Param("unitId") Long unitId, @Param("title") String title, @Param("year") Integer year);

    record OpenedForm(Long id, String processInstanceId) {
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
        public String moneyUnit;
    }
}
