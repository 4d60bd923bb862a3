package org.perfeval.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A 绩效自评表 as the unit filled it in, in the exchange shape. */
public class EvaluationForm {
    private FormType formType;
    private Integer year;
    private String title;
    private String supervisingDepartment;
    private String unit;
    private String ruleSet;
    private String moneyUnit;
    /** 部门年初预算收入金额 (department form). */
    private BigDecimal budgetIncome;
    /** 部门年初预算支出金额 (department form). */
    private BigDecimal budgetExpenditure;
    /** 单位基本情况: 编制数. */
    private BigDecimal authorisedStaff;
    /** 单位基本情况: 实有人数. */
    private BigDecimal actualStaff;
    private List<BudgetLine> budgetLines = new ArrayList<>();
    private Goal goal;
    private List<Indicator> indicators = new ArrayList<>();
    private BigDecimal claimedTotal;
    private String claimedGrade;
    private Suggestions suggestions;
    private Report report;

    public FormType getFormType() { return formType; }
    public void setFormType(FormType formType) { this.formType = formType; }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSupervisingDepartment() { return supervisingDepartment; }
    public void setSupervisingDepartment(String supervisingDepartment) { this.supervisingDepartment = supervisingDepartment; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getRuleSet() { return ruleSet; }
    public void setRuleSet(String ruleSet) { this.ruleSet = ruleSet; }
    public String getMoneyUnit() { return moneyUnit; }
    public void setMoneyUnit(String moneyUnit) { this.moneyUnit = moneyUnit; }
    public BigDecimal getBudgetIncome() { return budgetIncome; }
    public void setBudgetIncome(BigDecimal budgetIncome) { this.budgetIncome = budgetIncome; }
    public BigDecimal getBudgetExpenditure() { return budgetExpenditure; }
    public void setBudgetExpenditure(BigDecimal budgetExpenditure) { this.budgetExpenditure = budgetExpenditure; }
    public BigDecimal getAuthorisedStaff() { return authorisedStaff; }
    public void setAuthorisedStaff(BigDecimal authorisedStaff) { this.authorisedStaff = authorisedStaff; }
    public BigDecimal getActualStaff() { return actualStaff; }
    public void setActualStaff(BigDecimal actualStaff) { this.actualStaff = actualStaff; }
    public List<BudgetLine> getBudgetLines() { return budgetLines; }
    public void setBudgetLines(List<BudgetLine> budgetLines) { this.budgetLines = budgetLines; }
    public Goal getGoal() { return goal; }
    public void setGoal(Goal goal) { this.goal = goal; }
    public List<Indicator> getIndicators() { return indicators; }
    public void setIndicators(List<Indicator> indicators) { this.indicators = indicators; }
    public BigDecimal getClaimedTotal() { return claimedTotal; }
    public void setClaimedTotal(BigDecimal claimedTotal) { this.claimedTotal = claimedTotal; }
    public String getClaimedGrade() { return claimedGrade; }
    public void setClaimedGrade(String claimedGrade) { this.claimedGrade = claimedGrade; }
    public Suggestions getSuggestions() { return suggestions; }
    public void setSuggestions(Suggestions suggestions) { this.suggestions = suggestions; }
    public Report getReport() { return report; }
    public void setReport(Report report) { this.report = report; }
}
