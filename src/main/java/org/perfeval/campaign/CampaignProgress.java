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
                               Map<String, Long> byGrade, BigDecimal averageScore, long overdue,
                               List<Ranked> ranking, Map<String, Long> histogram,
                               Map<Integer, Map<String, Long>> histogramByYear) {

    /** A unit's form in the ranking by score. */
    public record Ranked(String unitName, String title, BigDecimal score, String grade) {
    }

    /** The score bands of the histogram, as 财政 reports them. */
    static final List<String> BANDS = List.of("60分以下", "60-70分", "70-80分", "80-90分", "90分以上");

    /** Scored forms (no blocking errors) in this campaign's bands. */
    static Map<String, Long> histogram(List<FormHeader> forms) {
        Map<String, Long> bands = new LinkedHashMap<>();
        BANDS.forEach(b -> bands.put(b, 0L));
        for (FormHeader f : forms) {
            if (f.getScoreTotal() != null && !f.isHasErrors()) {
                int band = Math.min(4, Math.max(0, f.getScoreTotal().intValue() / 10 - 5));
                bands.merge(BANDS.get(band), 1L, Long::sum);
            }
        }
        return bands;
    }

    /** The same, with the histogram of this campaign's form type in every year that has one. */
    CampaignProgress withYears(Map<Integer, Map<String, Long>> byYear) {
        return new CampaignProgress(total, byStatus, byDepartment, byGrade, averageScore, overdue, ranking, histogram,
                byYear);
    }

    /** Whether there is anything to chart: no chart of empty data (a pie of equal slices of nothing). */
    public boolean hasForms() {
        return total > 0;
    }

    public boolean hasScores() {
        return !ranking.isEmpty();
    }

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
        List<Ranked> ranking = forms.stream().filter(f -> f.getScoreTotal() != null && !f.isHasErrors())
                .sorted(java.util.Comparator.comparing(FormHeader::getScoreTotal).reversed()
                        .thenComparing(FormHeader::getUnitName, java.util.Comparator.nullsLast(String::compareTo)))
                .map(f -> new Ranked(f.getUnitName(), f.getTitle(), f.getScoreTotal(), f.getScoreGrade())).toList();
        return new CampaignProgress(forms.size(), byStatus, byDepartment, byGrade, average, overdue, ranking,
                histogram(forms), Map.of());
    }
}
