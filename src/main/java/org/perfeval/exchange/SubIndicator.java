package org.perfeval.exchange;

/**
 * One sub-indicator (分项指标) of a composite row, e.g. one of the 产出 indicators that Guangdong's
 * 部门整体 form averages into "产出指标完成情况": quantitative with operator, target, unit and
 * actual, or qualitative with a rating (优 / 良 / 达标 / 不达标) beside its actual text.
 */
public class SubIndicator {
    private String name;
    private String operator;
    private String target;
    private String unitOfMeasure;
    private String actual;
    private String rating;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOperator() { return operator; }
    public void setOperator(String operator) { this.operator = operator; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getUnitOfMeasure() { return unitOfMeasure; }
    public void setUnitOfMeasure(String unitOfMeasure) { this.unitOfMeasure = unitOfMeasure; }
    public String getActual() { return actual; }
    public void setActual(String actual) { this.actual = actual; }
    public String getRating() { return rating; }
    public void setRating(String rating) { this.rating = rating; }
}
