package org.perfeval.exchange;

import java.util.ArrayList;
import java.util.List;

/** The narrative 绩效自评报告 attached to a form. */
public class Report {
    private List<ReportSection> sections = new ArrayList<>();

    public List<ReportSection> getSections() { return sections; }
    public void setSections(List<ReportSection> sections) { this.sections = sections; }
}
