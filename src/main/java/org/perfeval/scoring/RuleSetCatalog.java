package org.perfeval.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rule sets known to the scorer, by name. */
public final class RuleSetCatalog {
    public static final String DEFAULT = "national-2020";

    private final Map<String, RuleSet> byName = new LinkedHashMap<>();

    public RuleSetCatalog(List<RuleSet> ruleSets) {
        for (RuleSet ruleSet : ruleSets) {
            byName.put(ruleSet.name(), ruleSet);
        }
        if (!byName.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("the default rule set " + DEFAULT + " is missing");
        }
    }

    public RuleSet find(String name) {
        return byName.get(name);
    }

    public RuleSet defaultRuleSet() {
        return byName.get(DEFAULT);
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
