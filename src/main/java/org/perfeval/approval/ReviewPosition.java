package org.perfeval.approval;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a form stands in its review chain (process version 3 on): the chain and the index of the
 * level now reviewing, {@code chain.size()} once the form is at 财政.
 */
public record ReviewPosition(ReviewChain chain, int levelIndex) {

    public boolean atFinance() {
        return levelIndex >= chain.size();
    }

    /** The levels a return from here may go to (驳回到指定节点): every level before this one. */
    public List<Integer> earlierLevels() {
        return IntStream.range(0, Math.min(levelIndex, chain.size())).boxed().toList();
    }

    /** The level whose approval brought the form here, or -1 at the first reviewer. */
    public int previousLevel() {
        return Math.min(levelIndex, chain.size()) - 1;
    }

    /** True at the form's first reviewer: the unit may still withdraw while it has not claimed the form. */
    public boolean atFirstReviewer() {
        return levelIndex == 0;
    }
}
