package org.perfeval.exchange;

/** 年度总体目标: what was planned and what was achieved, both free text. */
public class Goal {
    private String expected;
    private String actual;

    public String getExpected() { return expected; }
    public void setExpected(String expected) { this.expected = expected; }
    public String getActual() { return actual; }
    public void setActual(String actual) { this.actual = actual; }
}
