package org.perfeval.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit's own 结果应用建议: the ticked options, each with optional text, and an overall text. */
public class Suggestions {
    private List<String> selected = new ArrayList<>();
    private Map<String, String> details = new LinkedHashMap<>();
    private String overall;

    public List<String> getSelected() { return selected; }
    public void setSelected(List<String> selected) { this.selected = selected; }
    public Map<String, String> getDetails() { return details; }
    public void setDetails(Map<String, String> details) { this.details = details; }
    public String getOverall() { return overall; }
    public void setOverall(String overall) { this.overall = overall; }
}
