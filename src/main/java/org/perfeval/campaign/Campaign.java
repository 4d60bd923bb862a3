package org.perfeval.campaign;

import java.time.Instant;

import org.perfeval.exchange.FormType;

/** 评价任务: one yearly round of self-evaluation with a deadline per stage. */
public record Campaign(Long id, String name, Integer fiscalYear, FormType formType, String ruleSet, String template,
                       CampaignStatus status, Instant fillDue, Instant supervisorDue, Instant financeDue) {
}
