package org.perfeval.approval;

import java.util.ArrayList;
import java.util.List;

import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;

/**
 * A form's review levels below 财政, first reviewer first, computed from its unit's place in the
 * organisation tree and its campaign's settings; 财政 reviews after the last level, always. Pure: the
 * caller reads the ancestors ({@code OrgTree.ancestorsOf}) and the settings.
 * <ul>
 *   <li>every 主管部门 above the unit reviews (nested departments each in turn);</li>
 *   <li>a 二级单位 above the unit (a unit with units of its own) reviews only when the campaign has
 *       {@link Settings#secondaryReview} on;</li>
 *   <li>nothing at or above 财政 is a level: a 主管部门's own (本级) form and a unit directly under 财政
 *       go straight to 财政.</li>
 * </ul>
 * The process keeps the levels as one variable of unit ids ({@link #asVariable}) and an index.
 */
public record ReviewChain(List<Long> levels) {

    /** The campaign's settings that decide which levels review. */
    public record Settings(boolean secondaryReview) {
    }

    public ReviewChain {
        levels = List.copyOf(levels);
    }

    /** @param ancestors the unit's ancestors, nearest first (its parent first) */
    public static ReviewChain of(List<OrgUnit> ancestors, Settings settings) {
        List<Long> levels = new ArrayList<>();
        for (OrgUnit above : ancestors) {
            if (above.kind() == UnitKind.FINANCE) {
                break;
            }
            if (above.kind() == UnitKind.SUPERVISING || settings.secondaryReview()) {
                levels.add(above.id());
            }
        }
        return new ReviewChain(levels);
    }

    public int size() {
        return levels.size();
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /** The unit whose reviewers decide at this level (0 = the first reviewer). */
    public Long levelUnit(int index) {
        return levels.get(index);
    }

    /** The levels as the process variable keeps them: ids separated by commas ("" when none). */
    public String asVariable() {
        return String.join(",", levels.stream().map(String::valueOf).toList());
    }

    public static ReviewChain fromVariable(String value) {
        List<Long> levels = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    levels.add(Long.valueOf(part.strip()));
                }
            }
        }
        return new ReviewChain(levels);
    }
}
