package org.perfeval.campaign;

import java.time.Instant;

import org.perfeval.form.Stage;
import org.springframework.stereotype.Component;

/** The due date of a form's task at a stage, from its campaign. */
@Component
public class CampaignDeadlines {
    private final CampaignMapper mapper;

    public CampaignDeadlines(CampaignMapper mapper) {
        this.mapper = mapper;
    }

    public Instant dueFor(Long formId, Stage stage) {
        Campaign campaign = mapper.findByForm(formId);
        if (campaign == null) {
            return null;
        }
        return switch (stage) {
            case FILL -> campaign.fillDue();
            case SUPERVISOR_REVIEW -> campaign.supervisorDue();
            case FINANCE_REVIEW -> campaign.financeDue();
        };
    }
}
