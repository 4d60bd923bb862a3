package org.perfeval.campaign;

/** One form a campaign opens: the unit that fills it and its title (项目名称, or the unit for 部门整体). */
public record FormAssignment(Long unitId, String title) {
}
