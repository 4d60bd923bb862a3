package org.perfeval.form;

import java.math.BigDecimal;
import java.time.Instant;

import org.perfeval.exchange.FormType;

/** The evaluation_form row without its child rows, joined with unit and department names. */
public class FormHeader {
    private Long id;
    private Long campaignId;
    private Long unitId;
    private Long supervisingUnitId;
    private String unitName;
    private String supervisingUnitName;
    private FormType formType;
    private Integer fiscalYear;
    private String title;
    private String ruleSet;
    private FormStatus status;
    private String processInstanceId;
    private BigDecimal scoreTotal;
    private String scoreGrade;
    private BigDecimal scoreDeduction;
    private boolean hasErrors;
    private String scoreJson;
    private String returnReason;
    private int version;
    private Instant updatedAt;
    private Instant submittedAt;
    private Instant publishedAt;
    /** Names as at filing (V55); null until the form was first submitted. */
    private String filedUnitPath;
    private String cancelReason;
    private boolean reopened;
    /** The campaign's status, read with the header (every form belongs to a campaign). */
    private String campaignStatus;

    public String getCampaignStatus() { return campaignStatus; }
    public void setCampaignStatus(String campaignStatus) { this.campaignStatus = campaignStatus; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getSupervisingUnitId() { return supervisingUnitId; }
    public void setSupervisingUnitId(Long supervisingUnitId) { this.supervisingUnitId = supervisingUnitId; }
    public String getUnitName() { return unitName; }
    public void setUnitName(String unitName) { this.unitName = unitName; }
    public String getSupervisingUnitName() { return supervisingUnitName; }
    public void setSupervisingUnitName(String supervisingUnitName) { this.supervisingUnitName = supervisingUnitName; }
    public FormType getFormType() { return formType; }
    public void setFormType(FormType formType) { this.formType = formType; }
    public Integer getFiscalYear() { return fiscalYear; }
    public void setFiscalYear(Integer fiscalYear) { this.fiscalYear = fiscalYear; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getRuleSet() { return ruleSet; }
    public void setRuleSet(String ruleSet) { this.ruleSet = ruleSet; }
    public FormStatus getStatus() { return status; }
    public void setStatus(FormStatus status) { this.status = status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public BigDecimal getScoreTotal() { return scoreTotal; }
    public void setScoreTotal(BigDecimal scoreTotal) { this.scoreTotal = scoreTotal; }
    public String getScoreGrade() { return scoreGrade; }
    public void setScoreGrade(String scoreGrade) { this.scoreGrade = scoreGrade; }
    public BigDecimal getScoreDeduction() { return scoreDeduction; }
    public void setScoreDeduction(BigDecimal scoreDeduction) { this.scoreDeduction = scoreDeduction; }
    public boolean isHasErrors() { return hasErrors; }
    public void setHasErrors(boolean hasErrors) { this.hasErrors = hasErrors; }
    public String getScoreJson() { return scoreJson; }
    public void setScoreJson(String scoreJson) { this.scoreJson = scoreJson; }
    public String getReturnReason() { return returnReason; }
    public void setReturnReason(String returnReason) { this.returnReason = returnReason; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public String getFiledUnitPath() { return filedUnitPath; }
    public void setFiledUnitPath(String filedUnitPath) { this.filedUnitPath = filedUnitPath; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public boolean isReopened() { return reopened; }
    public void setReopened(boolean reopened) { this.reopened = reopened; }
}
