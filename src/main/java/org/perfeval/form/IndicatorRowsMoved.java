package org.perfeval.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published inside the saving transaction when the editor reordered, removed or inserted indicator
 * rows, so that whatever refers to a row by its position (佐证材料) can follow its row.
 *
 * @param formId the form
 * @param origins for each row as saved, the position it had before, or null for a new row
 */
public record IndicatorRowsMoved(Long formId, List<Integer> origins) {

    /** Where the row that was at {@code oldIndex} is now; empty if it was removed. */
    public Optional<Integer> newIndexOf(int oldIndex) {
        return Optional.ofNullable(byOldIndex().get(oldIndex));
    }

    private Map<Integer, Integer> byOldIndex() {
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < origins.size(); i++) {
            Integer old = origins.get(i);
            if (old != null) {
                map.putIfAbsent(old, i);
            }
        }
        return map;
    }
}
