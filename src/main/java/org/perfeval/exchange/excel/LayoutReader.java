package org.perfeval.exchange.excel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.DeviationReasons;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.Goal;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.Problem;

/**
 * Applies one {@link SheetLayout} to one sheet: finds its blocks by their header texts, scores how
 * well the layout fits, and reads the form, noting for every cell where it went, or that it was
 * ignored or could not be read (with its address, e.g. "D12").
 */
final class LayoutReader {
    private static final Pattern BRACKETS = Pattern.compile("[（(][^（()）]*[)）]");
    private static final Pattern SCORE_SUFFIX = Pattern.compile("[（(]\\s*\\d+(\\.\\d+)?\\s*分\\s*[)）]$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    final SheetLayout layout;
    final SheetGrid sheet;
    final List<SheetImport.Placement> placements = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    /** Header cells no column of the layout claims ("未识别的列"). */
    final List<String> unknownColumns = new ArrayList<>();
    /** Header texts the layout expects but the sheet lacks. */
    final List<String> missing = new ArrayList<>();
    int score;
    Found budget;
    Found goal;
    Found indicators;

    /** A block located: its header row, where data starts, the column of each field. */
    record Found(int headerRow, int dataStart, Map<SheetLayout.Column, Integer> columns, int ownMatches) {
    }

    LayoutReader(SheetLayout layout, SheetGrid sheet) {
        this.layout = layout;
        this.sheet = sheet;
        locate();
    }

    /** True when the layout's indicator block was found: without it the sheet is not this layout. */
    boolean applicable() {
        return indicators != null;
    }

    private void locate() {
        int from = 0;
        if (layout.budget() != null) {
            budget = find(layout.budget(), from);
            from = budget == null ? from : budget.headerRow + 1;
        }
        if (layout.goal() != null) {
            goal = find(layout.goal(), from);
            from = goal == null ? from : goal.headerRow + 1;
        }
        indicators = find(layout.indicators(), from);
        for (SheetLayout.Block block : new SheetLayout.Block[] {layout.budget(), layout.goal(), layout.indicators()}) {
            if (block == null) {
                continue;
            }
            Found found = block == layout.budget() ? budget : block == layout.goal() ? goal : indicators;
            for (SheetLayout.Column c : block.columns()) {
                if (found != null && found.columns.containsKey(c)) {
                    score++;
                } else if (!c.optional() && !c.texts().isEmpty()) {
                    missing.add(c.texts().get(0));
                }
            }
        }
        for (String title : layout.titleTexts()) {
            if (findText(title) != null) {
                score += 2;
            }
        }
        for (SheetLayout.Label label : layout.labels()) {
            if (findLabel(label) != null) {
                score++;
            }
        }
    }

    /** The best header row at or after {@code from}: most columns matched, at least two in the row itself. */
    private Found find(SheetLayout.Block block, int from) {
        Found best = null;
        int last = Math.min(sheet.lastRow(), WorkbookCells.MAX_ROWS);
        for (int r = from; r <= last; r++) {
            Map<SheetLayout.Column, Integer> columns = new LinkedHashMap<>();
            // A column may hold a group header ("偏差原因分析") above and its own header below: used per row.
            Set<Long> used = new HashSet<>();
            int own = 0;
            for (int rr = r; rr <= r + 1; rr++) {
                for (SheetLayout.Column c : block.columns()) {
                    if (columns.containsKey(c) || c.texts().isEmpty()) {
                        continue;
                    }
                    for (var cell : sheet.row(rr).entrySet()) {
                        if (!used.contains(((long) rr << 20) | cell.getKey()) && cell.getValue().kind() == SheetGrid.Kind.TEXT
                                && matches(cell.getValue().text(), c.texts())) {
                            columns.put(c, cell.getKey());
                            used.add(((long) rr << 20) | cell.getKey());
                            own += rr == r ? 1 : 0;
                            break;
                        }
                    }
                }
                if (own < 2) {
                    break;
                }
            }
            if (own < 2) {
                continue;
            }
            for (SheetLayout.Column c : block.columns()) {
                if (c.relativeTo() != null) {
                    Integer anchor = null;
                    for (var e : columns.entrySet()) {
                        anchor = anchor == null && e.getKey().field().equals(c.relativeTo()) ? e.getValue() : anchor;
                    }
                    if (anchor != null && anchor + c.offset() >= 0) {
                        columns.put(c, anchor + c.offset());
                    }
                }
            }
            if (best == null || columns.size() > best.columns.size()) {
                boolean second = false;
                for (var e : columns.entrySet()) {
                    second |= !e.getKey().texts().isEmpty() && sheet.raw(r, e.getValue()) == null;
                }
                best = new Found(r, second ? r + 2 : r + 1, columns, own);
            }
        }
        return best;
    }

    /** A header text as compared: no line breaks or spaces, no bracketed notes like "（A）" or "（万元）". */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("[\\s\\u3000]+", "");
        String before;
        do {
            before = s;
            s = BRACKETS.matcher(s).replaceAll("");
        } while (!s.equals(before));
        return s.replaceAll("[:：*＊]+$", "").toLowerCase(Locale.ROOT);
    }

    /** The printed text equals a synonym, or is a synonym cut short by a narrow cell (at least three characters). */
    static boolean matches(String text, List<String> synonyms) {
        String t = normalize(text);
        if (t.isEmpty()) {
            return false;
        }
        for (String synonym : synonyms) {
            String s = normalize(synonym);
            if (t.equals(s) || (t.length() >= 3 && s.startsWith(t))) {
                return true;
            }
        }
        return false;
    }

    private int[] findText(String text) {
        int last = Math.min(sheet.lastRow(), WorkbookCells.MAX_ROWS);
        String wanted = normalize(text);
        for (int r = 0; r <= last; r++) {
            for (var cell : sheet.row(r).entrySet()) {
                if (cell.getValue().kind() == SheetGrid.Kind.TEXT && normalize(cell.getValue().text()).contains(wanted)) {
                    return new int[] {r, cell.getKey()};
                }
            }
        }
        return null;
    }

    private int[] findLabel(SheetLayout.Label label) {
        int last = Math.min(sheet.lastRow(), WorkbookCells.MAX_ROWS);
        for (int r = 0; r <= last; r++) {
            for (var cell : sheet.row(r).entrySet()) {
                if (cell.getValue().kind() == SheetGrid.Kind.TEXT && matchesExactly(cell.getValue().text(), label.texts())) {
                    return new int[] {r, cell.getKey()};
                }
            }
        }
        return null;
    }

    private static boolean matchesExactly(String text, List<String> synonyms) {
        String t = normalize(text);
        return synonyms.stream().anyMatch(s -> normalize(s).equals(t));
    }

    // ------------------------------------------------------------------ reading

    EvaluationForm read() {
        EvaluationForm f = new EvaluationForm();
        f.setFormType(layout.formType() == null ? null : FormType.valueOf(layout.formType()));
        f.setRuleSet(layout.ruleSet());
        f.setMoneyUnit(layout.moneyUnit());
        for (SheetLayout.Label label : layout.labels()) {
            readLabel(f, label);
        }
        if (f.getYear() == null && layout.yearPattern() != null) {
            Pattern year = Pattern.compile(layout.yearPattern());
            for (int r = 0; r <= Math.min(sheet.lastRow(), 8) && f.getYear() == null; r++) {
                for (var cell : sheet.row(r).entrySet()) {
                    Matcher m = year.matcher(cell.getValue().text());
                    if (m.find()) {
                        int y = Integer.parseInt(m.group(1));
                        if (y >= 1990 && y <= 2100) {
                            f.setYear(y);
                            place(r, cell.getKey(), "year", cell.getValue().text());
                            break;
                        }
                    }
                }
            }
        }
        if (budget != null) {
            int end = goal != null ? goal.headerRow : indicators != null ? indicators.headerRow : sheet.lastRow() + 1;
            for (Map<String, Object> row : rows(layout.budget(), budget, end, "budgetLines")) {
                BudgetLine line = new BudgetLine();
                row.forEach((path, value) -> FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, path).set(line, value));
                f.getBudgetLines().add(line);
            }
        }
        if (goal != null) {
            int end = indicators != null ? indicators.headerRow : sheet.lastRow() + 1;
            List<Map<String, Object>> rows = rows(layout.goal(), goal, end, "goal");
            if (!rows.isEmpty()) {
                Goal g = new Goal();
                g.setExpected((String) rows.get(0).get("expected"));
                g.setActual((String) rows.get(0).get("actual"));
                f.setGoal(g);
            }
        }
        if (indicators != null) {
            for (Map<String, Object> row : rows(layout.indicators(), indicators, sheet.lastRow() + 1, "indicators")) {
                Indicator ind = new Indicator();
                row.forEach((path, value) -> FieldCatalogue.field(FieldCatalogue.INDICATOR, path).set(ind, value));
                if (ind.getDeviationReasons() == null) {
                    ind.setDeviationReasons(new DeviationReasons());
                }
                f.getIndicators().add(ind);
            }
        }
        headerCells();
        mergedAcrossBlocks();
        return f;
    }

    private void readLabel(EvaluationForm f, SheetLayout.Label label) {
        int[] at = findLabel(label);
        if (at == null) {
            return;
        }
        var cells = sheet.row(at[0]);
        var region = sheet.region(at[0], at[1]);
        int after = region == null ? at[1] : region.getLastColumn();
        Integer column = "last".equals(label.take()) ? cells.lastKey() : cells.higherKey(after);
        if (column == null || column <= at[1]) {
            return;
        }
        String text = sheet.text(at[0], column);
        for (String path : label.fields()) {
            FieldCatalogue.Field<EvaluationForm> field = FieldCatalogue.field(FieldCatalogue.FORM, path);
            Object value = convert(field, text, at[0], column, path);
            if (value != null) {
                if (path.equals("year")) {
                    f.setYear(((BigDecimal) value).intValue());
                } else {
                    field.set(f, value);
                }
            }
        }
    }

    /** The rows of a block, each a map from field path to value, blank padding and footnotes left out. */
    private List<Map<String, Object>> rows(SheetLayout.Block block, Found found, int end, String prefix) {
        List<Map<SheetLayout.Column, String>> texts = new ArrayList<>();
        List<Integer> sheetRows = new ArrayList<>();
        for (int r = found.dataStart; r < end && r <= sheet.lastRow(); r++) {
            if (stops(r)) {
                break;
            }
            Map<SheetLayout.Column, String> row = new LinkedHashMap<>();
            for (var e : found.columns.entrySet()) {
                if (e.getKey().field() == null || e.getKey().field().equals("-")) {
                    continue;
                }
                SheetGrid.Value v = sheet.value(r, e.getValue());
                if (v != null && v.kind() == SheetGrid.Kind.ERROR) {
                    String path = (prefix.equals("goal") ? "goal." : prefix + "[" + texts.size() + "].") + e.getKey().field();
                    String label = FieldCatalogue.label(generic(path));
                    problems.add(new Problem(path, SheetGrid.address(r, e.getValue()) + " " + label + "无法读取（公式结果为错误 "
                            + v.text().replace("ERROR:", "") + "）"));
                    unreadable(r, e.getValue(), path, label, v.text());
                    continue;
                }
                String text = clean(e.getKey(), sheet.text(r, e.getValue()));
                if (text != null) {
                    row.put(e.getKey(), text);
                }
            }
            texts.add(row);
            sheetRows.add(r);
        }
        carry(block, texts);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<SheetLayout.Column, String> row = texts.get(i);
            int r = sheetRows.get(i);
            boolean keep = block.keepIfAny() == null ? !row.isEmpty()
                    : row.keySet().stream().anyMatch(c -> block.keepIfAny().contains(c.field()));
            if (!keep) {
                for (var cell : sheet.row(r).entrySet()) {
                    ignore(r, cell.getKey(), cell.getValue().text(), "空行（无数据）");
                }
                continue;
            }
            String path = prefix.equals("goal") ? "goal." : prefix + "[" + out.size() + "].";
            Map<String, Object> values = new LinkedHashMap<>();
            String role = role(block, row);
            if (role != null) {
                values.put("role", role);
            }
            Set<Integer> placedColumns = new HashSet<>();
            for (var e : row.entrySet()) {
                SheetLayout.Column c = e.getKey();
                int column = found.columns.get(c);
                if (c.field() == null || c.field().equals("-")) {
                    continue;
                }
                if (c.onlyRoles() != null && !c.onlyRoles().contains(role)) {
                    ignore(r, column, e.getValue(), "此类资金行不填" + c.texts().stream().findFirst().orElse(c.field()));
                    continue;
                }
                String text = e.getValue();
                if (c.prefix() != null && row.keySet().stream().anyMatch(p -> p.field().equals(c.prefix()))) {
                    String op = operator(row.entrySet().stream().filter(p -> p.getKey().field().equals(c.prefix()))
                            .findFirst().orElseThrow().getValue());
                    if (op != null && !text.startsWith(op)) {
                        text = op + text;
                    }
                }
                FieldCatalogue.Field<?> field = field(prefix, c.field());
                Object value = convert(field, text, r, column, path + c.field());
                if (value != null) {
                    values.put(c.field(), value);
                    placedColumns.add(column);
                }
            }
            out.add(values);
        }
        return out;
    }

    private static FieldCatalogue.Field<?> field(String prefix, String path) {
        return switch (prefix) {
            case "budgetLines" -> FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, path);
            case "indicators" -> FieldCatalogue.field(FieldCatalogue.INDICATOR, path);
            default -> FieldCatalogue.field(FieldCatalogue.FORM, "goal." + path);
        };
    }

    /** First/second-level names printed once for a run of rows (merged, or blank below) fill the run. */
    private static void carry(SheetLayout.Block block, List<Map<SheetLayout.Column, String>> rows) {
        for (SheetLayout.Column c : block.columns()) {
            if (c.carry() == null) {
                continue;
            }
            String previous = null;
            for (Map<SheetLayout.Column, String> row : rows) {
                if (row.get(c) != null) {
                    previous = row.get(c);
                } else if (previous != null && hasOwnValues(block, row)) {
                    row.put(c, previous);
                }
            }
            if (c.carry().equals("downThenUp")) {
                String below = null;
                for (int i = rows.size() - 1; i >= 0; i--) {
                    Map<SheetLayout.Column, String> row = rows.get(i);
                    if (row.get(c) != null) {
                        below = row.get(c);
                    } else if (below != null && hasOwnValues(block, row)) {
                        row.put(c, below);
                    }
                }
            }
        }
    }

    private static boolean hasOwnValues(SheetLayout.Block block, Map<SheetLayout.Column, String> row) {
        return row.keySet().stream().anyMatch(c -> c.carry() == null);
    }

    private String role(SheetLayout.Block block, Map<SheetLayout.Column, String> row) {
        if (block.roles() == null && block.defaultRole() == null) {
            return null;
        }
        String name = row.entrySet().stream().filter(e -> "name".equals(e.getKey().field())).map(Map.Entry::getValue)
                .findFirst().orElse("");
        if (block.roles() != null) {
            for (SheetLayout.Role role : block.roles()) {
                if (Pattern.compile(role.pattern()).matcher(name).find()) {
                    return role.role();
                }
            }
        }
        return block.defaultRole();
    }

    private String clean(SheetLayout.Column c, String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (c.clean().contains("compact")) {
            s = s.replaceAll("[\\s\\u3000]+", "");
        }
        if (c.clean().contains("dropScore")) {
            s = SCORE_SUFFIX.matcher(s).replaceAll("").strip();
        }
        if ("name".equals(c.field()) && layout.budget() != null && layout.budget().columns().contains(c)
                && layout.budget().nameClean() != null) {
            s = s.replaceAll(layout.budget().nameClean(), "").strip();
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** ≥ ≤ ＝ as printed, in the symbols the rule sets read. */
    static String operator(String printed) {
        if (printed == null) {
            return null;
        }
        String s = printed.strip().replace("≥", ">=").replace("≤", "<=").replace("＝", "=").replace("＞", ">")
                .replace("＜", "<");
        return s.isEmpty() ? null : s;
    }

    private boolean stops(int r) {
        var cells = sheet.row(r);
        if (cells.isEmpty()) {
            return false;
        }
        String first = normalize(cells.firstEntry().getValue().text());
        return layout.stopPatterns().stream().anyMatch(p -> Pattern.compile(p).matcher(first).find());
    }

    private Object convert(FieldCatalogue.Field<?> field, String text, int row, int column, String path) {
        if (text == null) {
            return null;
        }
        String where = SheetGrid.address(row, column);
        String label = FieldCatalogue.label(generic(path));
        label = label == null ? field.label() : label;
        if (field.numeric()) {
            String s = text.replaceAll("[\\s\\u3000,，]", "").replaceAll("(%|％|万元|元|分|人)$", "");
            if (!NUMBER.matcher(s).matches()) {
                problems.add(new Problem(path, where + " " + label + "应为数字，收到“" + text + "”"));
                unreadable(row, column, path, label, text);
                return null;
            }
            BigDecimal value = new BigDecimal(s);
            if (value.compareTo(BigDecimal.ZERO) < 0 && field.kind() != FieldCatalogue.Kind.SIGNED_MONEY) {
                problems.add(new Problem(path, where + " " + label + "不能为负数，收到“" + text + "”"));
                unreadable(row, column, path, label, text);
                return null;
            }
            placements.add(new SheetImport.Placement(where, path, label, text, SheetImport.Status.PLACED, null));
            return value.scale() < 0 ? value.setScale(0) : value.stripTrailingZeros().scale() < 0
                    ? value.stripTrailingZeros().setScale(0) : value.stripTrailingZeros();
        }
        String value = field.path().equals("operator") ? operator(text) : text;
        placements.add(new SheetImport.Placement(where, path, label, text, SheetImport.Status.PLACED, null));
        return value;
    }

    /** "indicators[3].target" → "indicators.target", as the catalogue names labels. */
    private static String generic(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    private void place(int row, int column, String path, String text) {
        placements.add(new SheetImport.Placement(SheetGrid.address(row, column), path, FieldCatalogue.label(path), text,
                SheetImport.Status.PLACED, null));
    }

    private void unreadable(int row, int column, String path, String label, String text) {
        placements.add(new SheetImport.Placement(SheetGrid.address(row, column), path, label, text,
                SheetImport.Status.UNREADABLE, null));
    }

    private void ignore(int row, int column, String text, String why) {
        placements.add(new SheetImport.Placement(SheetGrid.address(row, column), null, null, text, SheetImport.Status.IGNORED, why));
    }

    /**
     * A merged region that starts above a block's header and runs into it would carry one block's value
     * into another: which rows it meant cannot be told, so it is refused with its addresses.
     */
    private void mergedAcrossBlocks() {
        for (var region : sheet.mergedRegions()) {
            for (Found found : new Found[] {budget, goal, indicators}) {
                if (found != null && region.getFirstRow() < found.headerRow && region.getLastRow() >= found.headerRow) {
                    String where = SheetGrid.address(region.getFirstRow(), region.getFirstColumn()) + ":"
                            + SheetGrid.address(region.getLastRow(), region.getLastColumn());
                    problems.add(new Problem("", "合并单元格 " + where + " 跨越了两个区块（第 " + (found.headerRow + 1)
                            + " 行是表头），无法确定各行的值，请取消合并后再导入"));
                    break;
                }
            }
        }
    }

    /** Header cells: the recognised ones are noted as headers, the others reported as unknown columns. */
    private void headerCells() {
        for (Found found : new Found[] {budget, goal, indicators}) {
            if (found == null) {
                continue;
            }
            Set<Integer> known = new HashSet<>(found.columns.values());
            for (int r = found.headerRow; r < found.dataStart; r++) {
                for (var cell : sheet.row(r).entrySet()) {
                    if (known.contains(cell.getKey()) || cell.getValue().text().isBlank()) {
                        continue;
                    }
                    var region = sheet.region(r, cell.getKey());
                    boolean group = region != null && region.getLastColumn() > region.getFirstColumn() && r + 1 < found.dataStart;
                    if (group) {
                        continue;
                    }
                    String text = cell.getValue().text().replaceAll("\\s+", "");
                    unknownColumns.add("“" + text + "”（" + SheetGrid.address(r, cell.getKey()) + "）");
                    ignore(r, cell.getKey(), cell.getValue().text(), "未识别的列，未导入");
                }
            }
        }
    }
}
