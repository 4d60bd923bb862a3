package org.perfeval.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStatus;

/** The administrator's view of one campaign: where its forms stand, by stage, department and grade. */
public record CampaignProgress(int total, Map<String, Long> byStatus, Map<String, Map<String, Long>> byDepartment,
                               Map<String, Long> byGrade, BigDecimal averageScore, long overdue) {

    static final List<String> GRADES = List.of("优", "良", "中", "差");

    public static CampaignProgress of(List<FormHeader> forms, Map<Long, Instant> dueByForm, Instant now) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (FormStatus s : FormStatus.values()) {
            byStatus.put(s.label(), 0L);
        }
        Map<String, Map<String, Long>> byDepartment = new TreeMap<>();
        Map<String, Long> byGrade = new LinkedHashMap<>();
        GRADES.forEach(g -> byGrade.put(g, 0L));
        BigDecimal sum = BigDecimal.ZERO;
        int scored = 0;
        for (FormHeader f : forms) {
            byStatus.merge(f.getStatus().label(), 1L, Long::sum);
            byDepartment.computeIfAbsent(f.getSupervisingUnitName(), d -> new LinkedHashMap<>())
                    .merge(f.getStatus().label(), 1L, Long::sum);
            if (f.getStatus() == FormStatus.PUBLISHED && f.getScoreGrade() != null) {
                byGrade.merge(f.getScoreGrade(), 1L, Long::sum);
            }
            if (f.getScoreTotal() != null && !f.isHasErrors()) {
                sum = sum.add(f.getScoreTotal());
                scored++;
            }
        }
        long overdue = dueByForm.values().stream().filter(Objects::nonNull).filter(d -> d.isBefore(now)).count();
        BigDecimal average = scored == 0 ? null : sum.divide(BigDecimal.valueOf(scored), 4, RoundingMode.HALF_UP);
        return new CampaignProgress(forms.size(), byStatus, byDepartment, byGrade, average, overdue);
    }
}
