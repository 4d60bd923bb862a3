package org.perfeval.search;

import org.perfeval.form.FormStatus;

/**
 * The filters of the form search (年度, 评价任务, 单位, 状态, 等级, 关键字) and the page wanted.
 * Bound from the query string; every field may be empty.
 */
public class SearchCriteria {
    /** Longest keyword looked for; longer input is cut, a search box is not a place for essays. */
    static final int MAX_TEXT = 100;
    static final int PAGE_SIZE = 20;

    private Integer year;
    private Long campaign;
    private Long unit;
    private FormStatus status;
    private String grade;
    private String q;
    private int page = 1;

    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public Long getCampaign() { return campaign; }
    public void setCampaign(Long campaign) { this.campaign = campaign; }
    public Long getUnit() { return unit; }
    public void setUnit(Long unit) { this.unit = unit; }
    public FormStatus getStatus() { return status; }
    public void setStatus(FormStatus status) { this.status = status; }
    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade == null || grade.isBlank() ? null : grade.strip(); }
    public String getQ() { return q; }

    public void setQ(String q) {
        String t = q == null ? null : q.strip();
        if (t != null && t.codePointCount(0, t.length()) > MAX_TEXT) {
            t = t.substring(0, t.offsetByCodePoints(0, MAX_TEXT));
        }
        this.q = t == null || t.isEmpty() ? null : t;
    }

    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(1, page); }

    /** The keyword as a LIKE pattern with % and _ taken literally. */
    public String getLike() {
        return q == null ? null : org.perfeval.shared.Like.containing(q);
    }

    public int getOffset() {
        return (page - 1) * PAGE_SIZE;
    }
}
