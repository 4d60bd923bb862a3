package org.perfeval.exchange;

/** 偏差原因分析 by category, as one province's form splits it; any non-blank entry is a reason. */
public class DeviationReasons {
    private String funding;
    private String institution;
    private String staffing;
    private String facilities;
    private String other;

    public boolean noneGiven() {
        return blank(funding) && blank(institution) && blank(staffing) && blank(facilities) && blank(other);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getFunding() { return funding; }
    public void setFunding(String funding) { this.funding = funding; }
    public String getInstitution() { return institution; }
    public void setInstitution(String institution) { this.institution = institution; }
    public String getStaffing() { return staffing; }
    public void setStaffing(String staffing) { this.staffing = staffing; }
    public String getFacilities() { return facilities; }
    public void setFacilities(String facilities) { this.facilities = facilities; }
    public String getOther() { return other; }
    public void setOther(String other) { this.other = other; }
}
