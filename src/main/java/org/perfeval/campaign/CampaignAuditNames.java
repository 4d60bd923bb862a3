package org.perfeval.campaign;

import java.util.Collection;
import java.util.Map;

import org.perfeval.audit.AuditObjectNames;
import org.springframework.stereotype.Component;

/** The audit log names a campaign by its name: 评价任务「2024年度项目支出绩效自评」. */
@Component
class CampaignAuditNames implements AuditObjectNames {
    private final CampaignMapper campaigns;

    CampaignAuditNames(CampaignMapper campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String objectType() {
        return "campaign";
    }

    @Override
    public Map<String, String> names(Collection<String> ids) {
        return AuditObjectNames.byNumericId(ids, id -> {
            Campaign campaign = campaigns.find(id);
            return campaign == null ? null : "评价任务「" + campaign.name() + "」";
        });
    }
}
