package org.perfeval.exchange;

import java.math.BigDecimal;
import java.util.List;

/** One row of the budget block (项目资金) or one weighted execution item of a department form. */
public class BudgetLine {
    private String name;
    private BudgetLineRole role;
    /** 年度主要任务, on a department form's execution rows (role ITEM). */
    private String task;
    /** 对应项目: the project that carries the task. */
    private String project;
    /** 年初预算数. */
    private BigDecimal initialBudget;
    /** 目标申报数, where a province splits the initial budget. */
    private BigDecimal declaredBudget;
    /** 预算编制数, where a province splits the initial budget. */
    private BigDecimal compiledBudget;
    /** 全年预算数 (A). */
    private BigDecimal annualBudget;
    /** 全年执行数 (B). */
    private BigDecimal executed;
    /** 资金结(转)余 as printed; should be A − B. */
    private BigDecimal balance;
    /** 执行率 as printed, in percent. */
    private BigDecimal statedRate;
    private BigDecimal weight;
    private BigDecimal claimedScore;
    /** Quarterly spending progress in percent, for rule sets that score progress (guangdong-bands). */
    private List<BigDecimal> quarterlyProgress;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
    public String getProject() { return project; }
    public void setProject(String project) { this.project = project; }
    public BudgetLineRole getRole() { return role; }
    public void setRole(BudgetLineRole role) { this.role = role; }
    public BigDecimal getInitialBudget() { return initialBudget; }
    public void setInitialBudget(BigDecimal initialBudget) { this.initialBudget = initialBudget; }
    public BigDecimal getDeclaredBudget() { return declaredBudget; }
    public void setDeclaredBudget(BigDecimal declaredBudget) { this.declaredBudget = declaredBudget; }
    public BigDecimal getCompiledBudget() { return compiledBudget; }
    public void setCompiledBudget(BigDecimal compiledBudget) { this.compiledBudget = compiledBudget; }
    public BigDecimal getAnnualBudget() { return annualBudget; }
    public void setAnnualBudget(BigDecimal annualBudget) { this.annualBudget = annualBudget; }
    public BigDecimal getExecuted() { return executed; }
    public void setExecuted(BigDecimal executed) { this.executed = executed; }
    public BigDecimal getBalance() { return balance; }
    public void setBalance(BigDecimal balance) { this.balance = balance; }
    public BigDecimal getStatedRate() { return statedRate; }
    public void setStatedRate(BigDecimal statedRate) { this.statedRate = statedRate; }
    public BigDecimal getWeight() { return weight; }
    public void setWeight(BigDecimal weight) { this.weight = weight; }
    public BigDecimal getClaimedScore() { return claimedScore; }
    public void setClaimedScore(BigDecimal claimedScore) { this.claimedScore = claimedScore; }
    public List<BigDecimal> getQuarterlyProgress() { return quarterlyProgress; }
    public void setQuarterlyProgress(List<BigDecimal> quarterlyProgress) { this.quarterlyProgress = quarterlyProgress; }
}
