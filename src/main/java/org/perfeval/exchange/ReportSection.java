package org.perfeval.exchange;

/** One section of the narrative 绩效自评报告. */
public class ReportSection {
    private String heading;
    private String body;

    public ReportSection() {
    }

    public ReportSection(String heading, String body) {
        this.heading = heading;
        this.body = body;
    }

    public String getHeading() { return heading; }
    public void setHeading(String heading) { this.heading = heading; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
