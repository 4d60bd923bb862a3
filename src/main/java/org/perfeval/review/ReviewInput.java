package org.perfeval.review;

import org.perfeval.approval.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a reviewer posts: the decision, the ticked opinions with their texts, 总体意见 and a return reason. */
public record ReviewInput(Decision decision, Map<String, String> checkedOptions, String overallOpinion,
                          String reason) {

    public ReviewInput {
        checkedOptions = checkedOptions == null ? Map.of() : new LinkedHashMap<>(checkedOptions);
    }
}
