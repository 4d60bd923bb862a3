package org.perfeval.review;

import org.perfeval.approval.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reviewer posts: the decision, the ticked opinions with their texts, 总体意见, a return reason
 * and, for {@link Decision#RETURN_TO_LEVEL}, the review level to return to.
 */
public record ReviewInput(Decision decision, Map<String, String> checkedOptions, String overallOpinion,
                          String reason, Integer returnLevel) {

    public ReviewInput {
        checkedOptions = checkedOptions == null ? Map.of() : new LinkedHashMap<>(checkedOptions);
    }

    public ReviewInput(Decision decision, Map<String, String> checkedOptions, String overallOpinion, String reason) {
        this(decision, checkedOptions, overallOpinion, reason, null);
    }
}
