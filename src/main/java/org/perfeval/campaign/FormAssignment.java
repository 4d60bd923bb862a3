package org.perfeval.campaign;

/**
 * One form a campaign opens: the unit that fills it, its title (项目名称, or the unit for 部门整体)
 * and, when the administrator gave it, the project's budget (全年预算数, in 万元).
 */
public record FormAssignment(Long unitId, String title, java.math.BigDecimal budget) {
    public FormAssignment(Long unitId, String title) {
        this(unitId, title, null);
    }
}
