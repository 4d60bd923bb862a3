package org.perfeval.exchange.json;

import org.perfeval.scoring.Scorer;

/** Builds the scorer with the rule sets shipped under forms/rulesets/. */
public final class Scorers {

    private Scorers() {
    }

    public static Scorer fromClasspath() {
        return new Scorer(RuleSetFiles.load());
    }
}
