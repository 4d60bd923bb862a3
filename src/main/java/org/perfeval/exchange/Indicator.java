package org.perfeval.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One 三级指标 row with its 一级 (category) and 二级 (subcategory). */
public class Indicator {
    private String category;
    private String subcategory;
    private String name;
    /** One of >=, >, <=, <, = or null (then read from the front of the target). */
    private String operator;
    /** 年度指标值 as written, e.g. "≥2次". */
    private String target;
    /** 调整后指标值; when present it replaces the target for scoring. */
    private String adjustedTarget;
    private String unitOfMeasure;
    /** 全年实际完成值 as written: a number with sign or unit, a tier label, or text. */
    private String actual;
    private BigDecimal weight;
    private BigDecimal claimedScore;
    private DeviationReasons deviationReasons;
    private String deviationNote;
    private String improvement;
    /** 上年实际完成值: last year's actual, copied in when the form started from last year's (optional). */
    private String previousActual;
    /** 评分标准 as the form prints it (department forms score some rows by it, without target or actual). */
    private String scoringStandard;
    /** 佐证材料: which documents prove the figure. */
    private String evidence;
    /** 备注. */
    private String remark;
    /** 分项指标 of a composite row (Guangdong 产出/效益指标完成情况); empty for an ordinary row. */
    private List<SubIndicator> subIndicators = new ArrayList<>();

    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getSubcategory() { return subcategory; }
    public void setSubcategory(String subcategory) { this.subcategory = subcategory; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOperator() { return operator; }
    public void setOperator(String operator) { this.operator = operator; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getAdjustedTarget() { return adjustedTarget; }
    public void setAdjustedTarget(String adjustedTarget) { this.adjustedTarget = adjustedTarget; }
    public String getUnitOfMeasure() { return unitOfMeasure; }
    public void setUnitOfMeasure(String unitOfMeasure) { this.unitOfMeasure = unitOfMeasure; }
    public String getActual() { return actual; }
    public void setActual(String actual) { this.actual = actual; }
    public BigDecimal getWeight() { return weight; }
    public void setWeight(BigDecimal weight) { this.weight = weight; }
    public BigDecimal getClaimedScore() { return claimedScore; }
    public void setClaimedScore(BigDecimal claimedScore) { this.claimedScore = claimedScore; }
    public DeviationReasons getDeviationReasons() { return deviationReasons; }
    public void setDeviationReasons(DeviationReasons deviationReasons) { this.deviationReasons = deviationReasons; }
    public String getDeviationNote() { return deviationNote; }
    public void setDeviationNote(String deviationNote) { this.deviationNote = deviationNote; }
    public String getImprovement() { return improvement; }
    public void setImprovement(String improvement) { this.improvement = improvement; }
    public String getPreviousActual() { return previousActual; }
    public void setPreviousActual(String previousActual) { this.previousActual = previousActual; }
    public String getScoringStandard() { return scoringStandard; }
    public void setScoringStandard(String scoringStandard) { this.scoringStandard = scoringStandard; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public List<SubIndicator> getSubIndicators() { return subIndicators; }
    public void setSubIndicators(List<SubIndicator> subIndicators) {
        this.subIndicators = subIndicators == null ? new ArrayList<>() : subIndicators;
    }
}
