package org.perfeval.formpage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.shared.FieldProblem;

/**
 * The form page posts its rows as indicators[0], indicators[1], …: consecutive from 0. A posted
 * index that leaves a gap (indicators[256] alone) would make the binder invent empty rows, so such
 * a post is refused before anything is bound or saved.
 */
final class RowIndexes {
    private static final Pattern INDEX = Pattern.compile("^(budgetLines|indicators|report\\.sections)\\[(-?\\d{1,9})]");

    private RowIndexes() {
    }

    static List<FieldProblem> check(Map<String, String[]> parameters) {
        Map<String, TreeSet<Integer>> seen = new java.util.HashMap<>();
        for (String name : parameters.keySet()) {
            Matcher m = INDEX.matcher(name);
            if (m.find()) {
                seen.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        seen.forEach((list, indexes) -> {
            int expected = 0;
            for (int index : indexes) {
                if (index != expected) {
                    problems.add(new FieldProblem(list + "[" + index + "]", "行号「" + index + "」无效：各行应从 0 起连续编号"));
                    return;
                }
                expected++;
            }
        });
        return problems;
    }
}
