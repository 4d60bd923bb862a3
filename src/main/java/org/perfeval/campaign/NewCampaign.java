package org.perfeval.campaign;

import java.time.Instant;

import org.perfeval.exchange.FormType;

/** What an administrator fills in to create a campaign; id is set on insert. */
public class NewCampaign {
    public Long id;
    public String name;
    public Integer fiscalYear;
    public FormType formType;
    public String ruleSet;
    public String template;
    public Instant fillDue;
    public Instant supervisorDue;
    public Instant financeDue;
    public Long createdBy;
    /** Stages whose approving opinions are published: SUPERVISOR, FINANCE, both or none. */
    public String publicOpinions = "SUPERVISOR,FINANCE";
    /** 二级单位 review their 基层单位's forms before the 主管部门 (approval.ReviewChain). */
    public boolean secondaryReview;
}
