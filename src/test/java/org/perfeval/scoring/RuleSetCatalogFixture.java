package org.perfeval.scoring;

import org.perfeval.exchange.json.RuleSetFiles;

final class RuleSetCatalogFixture {
    private RuleSetCatalogFixture() {
    }

    static RuleSet national() {
        return RuleSetFiles.load().find("national-2020");
    }
}
