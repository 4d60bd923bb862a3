package org.perfeval.exchange.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One province's (or one system's) printed sheet as data, read from {@code forms/layouts/*.json}:
 * which header texts (with their synonyms and the cut or wrapped variants printed cells have) map to
 * which exchange field, how the budget, goal and indicator blocks are found, how merged or blank
 * first/second-level cells carry, and which rows end a block or are skipped. See
 * {@code forms/layouts/README.md} for the fields.
 */
public record SheetLayout(String id, String name, String reproduces, String builtin, String formType, String ruleSet,
                          String moneyUnit, List<String> titleTexts, String yearPattern, List<Label> labels, Block budget,
                          Block goal, Block indicators, List<String> stopPatterns) {

    static final String FOLDER = "forms/layouts/";

    /**
     * A value printed beside its label ("项目名称 | 城乡医疗救助"); {@code take} "next" (default) or "last"
     * cell of the row, or "below" the label (a header cell over its value). {@code pattern}: the value is
     * the regex's first group within the cell ("合计:84(含3名雇员)" → 84). The field "unitCode" is no
     * field of the form: it is the unit's code, which whole-campaign import matches units by.
     * {@code required}: a sheet without the label is refused (the 合计 row that ends a printed table:
     * without it the table may have lost pages).
     */
    public record Label(List<String> fields, List<String> texts, String take, String pattern, boolean required) {
    }

    /**
     * A table block: its columns (found by header text, or placed relative to another column), how a
     * budget line's role follows from its name, and the fields of which at least one must hold a value
     * for a row to count (blank padding rows are skipped).
     */
    public record Block(List<Column> columns, List<Role> roles, String defaultRole, String nameClean, List<String> keepIfAny,
                        boolean inline, boolean pagedMerges, Lines lines, List<BudgetRow> budgetRows) {
        public List<Column> columns() {
            return columns == null ? List.of() : columns;
        }

        public List<BudgetRow> budgetRows() {
            return budgetRows == null ? List.of() : budgetRows;
        }
    }

    /**
     * Indicators printed over several lines (a merged 三级 cell beside one line per 分项, "指标1：…"):
     * the lines of {@code column} matching {@code pattern} belong to the row whose merged cells they
     * lie in. Where the sheet has the column {@code actual} (by header text; {@code rating} likewise)
     * they are the row's sub-indicators; else each is reported as not read with {@code reason}.
     */
    public record Lines(String column, String pattern, String reason, String actual, String rating) {
    }

    /**
     * A row of the indicator table that is the form's budget execution item, not an indicator: its
     * name matches {@code pattern}; {@code fields} maps budget-line fields to the row's columns,
     * {@code fromForm} to the form's own fields (e.g. annualBudget ← budgetExpenditure), and
     * {@code extract} reads a value out of a column's text.
     */
    public record BudgetRow(String pattern, String role, java.util.Map<String, String> fields,
                            java.util.Map<String, String> fromForm, List<Extract> extract, String otherColumns) {
        public java.util.Map<String, String> fields() {
            return fields == null ? java.util.Map.of() : fields;
        }

        public java.util.Map<String, String> fromForm() {
            return fromForm == null ? java.util.Map.of() : fromForm;
        }

        public List<Extract> extract() {
            return extract == null ? List.of() : extract;
        }
    }

    /** The budget-line {@code field} is the first group of {@code pattern} in the column {@code column}'s text (spaces removed); {@code missing} says why when absent. */
    public record Extract(String field, String column, String pattern, String missing) {
    }

    /**
     * A column: {@code texts} are the header's synonyms; or {@code relativeTo}/{@code offset} for a
     * column printed without a header of its own. {@code carry} "down" or "downThenUp" fills blank
     * cells (first/second-level indicators); {@code clean} "compact" removes the line breaks and
     * spaces of wrapped cells, "dropScore" a trailing "(50分)"; {@code onlyRoles} reads the cell only for
     * budget lines of those roles; {@code prefix} puts another field's value in front (operator + target);
     * {@code ifBlank} is the value of a row that prints nothing there, saying so ("（名称未印出）").
     */
    public record Column(String field, List<String> texts, String relativeTo, int offset, String carry, List<String> clean,
                         List<String> onlyRoles, String prefix, boolean optional, String ifBlank) {
        public List<String> texts() {
            return texts == null ? List.of() : texts;
        }

        public List<String> clean() {
            return clean == null ? List.of() : clean;
        }
    }

    /** A budget line whose (cleaned) name matches {@code pattern} has this role. */
    public record Role(String pattern, String role) {
    }

    public List<Label> labels() {
        return labels == null ? List.of() : labels;
    }

    public List<String> stopPatterns() {
        return stopPatterns == null ? List.of() : stopPatterns;
    }

    public List<String> titleTexts() {
        return titleTexts == null ? List.of() : titleTexts;
    }

    /** True for the product's own export, whose layout is the field catalogue itself (read by {@link FormWorkbookReader}). */
    public boolean catalogue() {
        return "catalogue".equals(builtin);
    }

    /** Every layout listed in forms/layouts/index.txt, in that order. */
    public static List<SheetLayout> all() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final List<SheetLayout> ALL = load();
    }

    private static List<SheetLayout> load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<SheetLayout> layouts = new ArrayList<>();
        for (String line : read("index.txt").split("\\R")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            try {
                SheetLayout layout = json.readValue(read(file), SheetLayout.class);
                layout.check(file);
                layouts.add(layout);
            } catch (IOException e) {
                throw new IllegalStateException("layout " + file + " is not valid: " + e.getMessage(), e);
            }
        }
        return List.copyOf(layouts);
    }

    /** A layout naming a field the catalogue does not know is a mistake in the data, found at start. */
    private void check(String file) {
        for (Block block : new Block[] {budget, goal, indicators}) {
            if (block == null) {
                continue;
            }
            for (Column c : block.columns()) {
                if (c.texts().isEmpty() && c.relativeTo() == null) {
                    throw new IllegalStateException(file + ": column " + c.field() + " has neither texts nor relativeTo");
                }
            }
            if (block.nameClean() != null) {
                Pattern.compile(block.nameClean());
            }
            if (block.lines() != null) {
                Pattern.compile(block.lines().pattern());
            }
            for (BudgetRow row : block.budgetRows()) {
                Pattern.compile(row.pattern());
                row.extract().forEach(e -> Pattern.compile(e.pattern()));
            }
        }
        stopPatterns().forEach(Pattern::compile);
        labels().stream().filter(l -> l.pattern() != null).forEach(l -> Pattern.compile(l.pattern()));
        if (yearPattern != null) {
            Pattern.compile(yearPattern);
        }
    }

    private static String read(String file) {
        try (InputStream in = SheetLayout.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
