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
import org.perfeval.exchange.SubIndicator;

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
    /** Cells named as not read, with their address and why ("I14 指标1：…：只印出指标值，未印出完成值"). */
    final List<String> notRead = new ArrayList<>();
    /** The unit's code where the sheet prints one (单位编码), for whole-campaign import. */
    String unitCode;
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
                        // A column without a field of its own ("-") is named by its header text.
                        boolean named = e.getKey().field().equals(c.relativeTo()) || e.getKey().texts().contains(c.relativeTo());
                        anchor = anchor == null && named ? e.getValue() : anchor;
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
                // An inline block's headers are row labels: its values stand beside them, from the same row.
                best = new Found(r, block.inline() ? r : second ? r + 2 : r + 1, columns, own);
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
            for (int r = sheet.firstRow(); r <= Math.min(sheet.lastRow(), sheet.firstRow() + 8) && f.getYear() == null; r++) {
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
            for (Map<String, Object> row : rows(layout.budget(), budget, end, "budgetLines", f)) {
                BudgetLine line = new BudgetLine();
                row.forEach((path, value) -> FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, path).set(line, value));
                f.getBudgetLines().add(line);
            }
        }
        if (goal != null) {
            int end = indicators != null ? indicators.headerRow : sheet.lastRow() + 1;
            List<Map<String, Object>> rows = rows(layout.goal(), goal, end, "goal", f);
            if (!rows.isEmpty()) {
                // A goal printed as numbered lines (任务1 … 任务6, each with its 完成情况) is one text per side.
                Goal g = new Goal();
                g.setExpected(joined(rows, "expected"));
                g.setActual(joined(rows, "actual"));
                f.setGoal(g);
            }
        }
        if (indicators != null) {
            budgetRowsRead = f.getBudgetLines().size();
            for (Map<String, Object> row : rows(layout.indicators(), indicators, sheet.lastRow() + 1, "indicators", f)) {
                if (row.containsKey(BUDGET_ROW)) {
                    BudgetLine line = new BudgetLine();
                    row.remove(BUDGET_ROW);
                    row.forEach((path, value) -> FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, path).set(line, value));
                    f.getBudgetLines().add(line);
                    continue;
                }
                Indicator ind = new Indicator();
                @SuppressWarnings("unchecked")
                List<SubIndicator> subs = (List<SubIndicator>) row.remove(SUB_INDICATORS);
                row.forEach((path, value) -> FieldCatalogue.field(FieldCatalogue.INDICATOR, path).set(ind, value));
                if (subs != null) {
                    ind.setSubIndicators(new ArrayList<>(subs));
                }
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
            if (label.required()) {
                String field = label.fields().get(0);
                problems.add(new Problem(field, "工作表中没有“" + label.texts().get(0) + "”行（" + FieldCatalogue.label(field)
                        + "）：表格可能不完整（缺页或被截断），请核对后再导入"));
            }
            return;
        }
        var cells = sheet.row(at[0]);
        var region = sheet.region(at[0], at[1]);
        int row = at[0];
        Integer column;
        if ("below".equals(label.take())) {
            // A header cell (merged over rows) with its value under it, as 总预算（万元） over 10698.8.
            row = region == null ? at[0] + 1 : region.getLastRow() + 1;
            column = at[1];
            if (sheet.text(row, column) == null) {
                return;
            }
        } else {
            int after = region == null ? at[1] : region.getLastColumn();
            column = "last".equals(label.take()) ? cells.lastKey() : cells.higherKey(after);
            if (column == null || column <= at[1]) {
                return;
            }
        }
        String text = sheet.text(row, column);
        if (text != null && label.pattern() != null) {
            Matcher m = Pattern.compile(label.pattern()).matcher(text.replaceAll("[\\s\\u3000]+", ""));
            text = m.find() ? m.group(1) : text;
        }
        if (label.fields().contains(UNIT_CODE)) {
            unitCode = text;
            placements.add(new SheetImport.Placement(SheetGrid.address(row, column), UNIT_CODE, "单位编码", text,
                    SheetImport.Status.PLACED, "用于整体导入时对应单位"));
            return;
        }
        for (String path : label.fields()) {
            FieldCatalogue.Field<EvaluationForm> field = FieldCatalogue.field(FieldCatalogue.FORM, path);
            Object value = convert(field, text, row, column, path);
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
    private List<Map<String, Object>> rows(SheetLayout.Block block, Found found, int end, String prefix, EvaluationForm form) {
        List<Map<SheetLayout.Column, String>> texts = new ArrayList<>();
        List<Integer> sheetRows = new ArrayList<>();
        Set<Integer> headers = new HashSet<>();
        if (block.inline()) {
            end = Math.min(end, inlineEnd(found));
        }
        for (int r = found.dataStart; r < end && r <= sheet.lastRow(); r++) {
            if (stops(r)) {
                break;
            }
            if (r > found.headerRow && repeatedHeader(block, r)) {
                // A form printed over several pages repeats its header row on each.
                headers.add(r);
                for (var cell : sheet.row(r).entrySet()) {
                    ignore(r, cell.getKey(), cell.getValue().text(), "重复的表头行");
                }
                continue;
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
        if (block.pagedMerges()) {
            for (SheetLayout.Column c : block.columns()) {
                if (c.carry() != null && found.columns.containsKey(c)) {
                    joinAcrossPages(c, found.columns.get(c), texts, sheetRows, headers);
                }
            }
        }
        carry(block, texts);
        SheetLayout.Column linesColumn = block.lines() == null ? null : block.columns().stream()
                .filter(c -> c.texts().contains(block.lines().column()) && found.columns.containsKey(c)).findFirst().orElse(null);
        List<List<Integer>> groups = linesColumn == null ? singles(texts.size())
                : groups(block, found, texts, sheetRows, headers);
        List<Map<String, Object>> out = new ArrayList<>();
        int budgetRows = 0;
        for (List<Integer> group : groups) {
            Map<SheetLayout.Column, String> row = new LinkedHashMap<>();
            Map<SheetLayout.Column, List<int[]>> sources = new LinkedHashMap<>();
            merge(group, texts, sheetRows, found, row, sources);
            int r = sheetRows.get(group.get(0));
            boolean keep = block.keepIfAny() == null ? !row.isEmpty()
                    : row.keySet().stream().anyMatch(c -> block.keepIfAny().contains(c.field()));
            if (!keep) {
                for (int i : group) {
                    for (var cell : sheet.row(sheetRows.get(i)).entrySet()) {
                        ignore(sheetRows.get(i), cell.getKey(), cell.getValue().text(), "空行（无数据）");
                    }
                }
                continue;
            }
            List<SubIndicator> subs = linesColumn == null ? List.of()
                    : lines(block.lines(), found, found.columns.get(linesColumn), group, sheetRows,
                    prefix + "[" + (out.size() - budgetRows) + "].subIndicators[");
            String name = row.entrySet().stream().filter(e -> "name".equals(e.getKey().field())).map(Map.Entry::getValue)
                    .findFirst().orElse("");
            SheetLayout.BudgetRow budgetRow = block.budgetRows().stream()
                    .filter(b -> Pattern.compile(b.pattern()).matcher(name).find()).findFirst().orElse(null);
            if (budgetRow != null) {
                out.add(budgetRow(budgetRow, found, row, sources, form, budgetRowsRead + budgetRows++));
                continue;
            }
            for (SheetLayout.Column c : block.columns()) {
                if (c.ifBlank() != null && found.columns.containsKey(c) && !row.containsKey(c)) {
                    // Printed blank: the row keeps a value that says so, and the cell is named.
                    int column = found.columns.get(c);
                    row.put(c, c.ifBlank());
                    sources.put(c, List.of(new int[] {r, column}));
                    notRead.add(SheetGrid.address(r, column) + " " + c.texts().get(0) + "未印出，记为“" + c.ifBlank() + "”");
                }
            }
            String path = prefix.equals("goal") ? "goal." : prefix + "[" + (out.size() - budgetRows) + "].";
            Map<String, Object> values = new LinkedHashMap<>();
            String role = role(block, row);
            if (role != null) {
                values.put("role", role);
            }
            for (var e : row.entrySet()) {
                SheetLayout.Column c = e.getKey();
                int column = found.columns.get(c);
                int at = sources.get(c).get(0)[0];
                if (c.onlyRoles() != null && !c.onlyRoles().contains(role)) {
                    ignore(at, column, e.getValue(), "此类资金行不填" + c.texts().stream().findFirst().orElse(c.field()));
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
                Object value = place(field(prefix, c.field()), text, sources.get(c), column, path + c.field());
                if (value != null) {
                    values.put(c.field(), value);
                }
            }
            if (!subs.isEmpty()) {
                values.put(SUB_INDICATORS, subs);
            }
            out.add(values);
        }
        return out;
    }

    /**
     * The 指标N lines of one row. Where the sheet prints their completion (a column such as 全年完成值)
     * they are the row's sub-indicators: name and target split where the target starts (its operator,
     * else the closing number), the completion, and a rating (优/良/达标/不达标) if printed. Where it
     * does not, each line is named as not read, with the layout's reason.
     */
    private List<SubIndicator> lines(SheetLayout.Lines lines, Found found, int column, List<Integer> group,
                                     List<Integer> sheetRows, String path) {
        Integer actual = lines.actual() == null ? null : columnOf(found, lines.actual());
        Integer rating = lines.rating() == null ? null : columnOf(found, lines.rating());
        Pattern line = Pattern.compile(lines.pattern());
        List<SubIndicator> subs = new ArrayList<>();
        for (int i : group) {
            int r = sheetRows.get(i);
            String text = sheet.text(r, column);
            String compact = text == null ? "" : text.replaceAll("[\\s\\u3000]+", "");
            Matcher m = line.matcher(compact);
            if (!m.find()) {
                continue;
            }
            if (actual == null) {
                ignore(r, column, text, lines.reason());
                notRead.add(SheetGrid.address(r, column) + " " + compact + "：" + lines.reason());
                continue;
            }
            String body = compact.substring(m.end()).replaceFirst("^[:：]", "");
            Matcher split = TARGET.matcher(body);
            SubIndicator sub = new SubIndicator();
            String at = path + subs.size() + "].";
            if (split.matches() && !split.group(1).isEmpty()) {
                sub.setName(split.group(1));
                sub.setTarget(split.group(2));
            } else {
                sub.setName(body);
            }
            place(r, column, at + "name", text);
            sub.setActual(sheet.text(r, actual));
            if (sub.getActual() != null) {
                place(r, actual, at + "actual", sub.getActual());
            }
            if (rating != null && sheet.text(r, rating) != null) {
                sub.setRating(sheet.text(r, rating));
                place(r, rating, at + "rating", sub.getRating());
            }
            subs.add(sub);
        }
        return subs;
    }

    /** "参保人数≥200万人" → 参保人数 | ≥200万人; "抽查服务次数4次/年" → 抽查服务次数 | 4次/年. */
    private static final Pattern TARGET = Pattern.compile("(.*?)([≥≤＞＜><=＝].*|\\d+(?:\\.\\d+)?[^\\d]{0,4})");

    private static Integer columnOf(Found found, String text) {
        return found.columns.entrySet().stream().filter(e -> e.getKey().texts().contains(text)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The sub-indicators read for a row (a list, not a catalogue field). */
    static final String SUB_INDICATORS = "@subIndicators";

    /** Marks a row read from the indicator table that is a budget line (see {@link SheetLayout.BudgetRow}). */
    static final String BUDGET_ROW = "@budgetLine";
    /** The label field that is the unit's code, not a field of the form. */
    static final String UNIT_CODE = "unitCode";
    /** Budget lines read before the indicator table, so that a budget row read from it gets the next index. */
    private int budgetRowsRead;

    /** The indicator-table row that is the form's execution item, as a budget line; a value its text lacks is named. */
    private Map<String, Object> budgetRow(SheetLayout.BudgetRow rule, Found found, Map<SheetLayout.Column, String> row,
                                          Map<SheetLayout.Column, List<int[]>> sources, EvaluationForm form, int index) {
        String path = "budgetLines[" + index + "].";
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(BUDGET_ROW, Boolean.TRUE);
        values.put("role", rule.role());
        Set<SheetLayout.Column> used = new HashSet<>();
        rule.fields().forEach((target, from) -> row.keySet().stream().filter(c -> from.equals(c.field())).findFirst()
                .ifPresent(c -> {
                    used.add(c);
                    Object value = place(FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, target), row.get(c), sources.get(c),
                            found.columns.get(c), path + target);
                    if (value != null) {
                        values.put(target, value);
                    }
                }));
        rule.fromForm().forEach((target, from) -> {
            Object value = FieldCatalogue.field(FieldCatalogue.FORM, from).get(form);
            if (value != null) {
                values.put(target, value);
            }
        });
        for (SheetLayout.Extract extract : rule.extract()) {
            SheetLayout.Column c = found.columns.keySet().stream().filter(k -> extract.column().equals(k.field())).findFirst()
                    .orElse(null);
            if (c == null) {
                continue;
            }
            used.add(c);
            int[] at = sources.containsKey(c) ? sources.get(c).get(0) : new int[] {sources.values().iterator().next().get(0)[0],
                    found.columns.get(c)};
            String text = row.get(c);
            Matcher m = text == null ? null : Pattern.compile(extract.pattern()).matcher(text.replaceAll("[\\s\\u3000]+", ""));
            if (m != null && m.find()) {
                Object value = convert(FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, extract.field()), m.group(1), at[0],
                        found.columns.get(c), path + extract.field());
                if (value != null) {
                    values.put(extract.field(), value);
                }
            } else {
                String label = FieldCatalogue.label("budgetLines." + extract.field());
                placements.add(new SheetImport.Placement(SheetGrid.address(at[0], found.columns.get(c)), path + extract.field(),
                        label, text, SheetImport.Status.UNREADABLE, extract.missing()));
                notRead.add(SheetGrid.address(at[0], found.columns.get(c)) + " " + extract.missing());
            }
        }
        for (var e : row.entrySet()) {
            if (!used.contains(e.getKey()) && rule.otherColumns() != null) {
                for (int[] at : sources.get(e.getKey())) {
                    ignore(at[0], found.columns.get(e.getKey()), sheet.text(at[0], found.columns.get(e.getKey())), rule.otherColumns());
                }
            }
        }
        return values;
    }

    /**
     * The value of one field of a row, placed: a value printed once is converted as ever; a text the
     * row prints in several cells (its lines, or the parts a page break cut a merged cell into) is
     * joined, each cell placed; a number printed again on the next page is taken once.
     */
    private Object place(FieldCatalogue.Field<?> field, String text, List<int[]> cells, int column, String path) {
        if (cells.size() == 1) {
            return convert(field, text, cells.get(0)[0], column, path);
        }
        if (field.numeric()) {
            Object value = convert(field, sheet.text(cells.get(0)[0], column), cells.get(0)[0], column, path);
            for (int[] at : cells.subList(1, cells.size())) {
                ignore(at[0], column, sheet.text(at[0], column), "分页处重复印出，已按 " + SheetGrid.address(cells.get(0)[0], column) + " 读取");
            }
            return value;
        }
        String label = FieldCatalogue.label(generic(path));
        for (int[] at : cells) {
            placements.add(new SheetImport.Placement(SheetGrid.address(at[0], column), path, label == null ? field.label() : label,
                    sheet.text(at[0], column), SheetImport.Status.PLACED, null));
        }
        return text;
    }

    /**
     * The values of the rows of one group, per column: a carried name once, other texts from each
     * distinct cell (a merged cell counted once) joined — without a break for a compacted name, whose
     * parts are the lines of one name cut by a page break.
     */
    private void merge(List<Integer> group, List<Map<SheetLayout.Column, String>> texts, List<Integer> sheetRows, Found found,
                       Map<SheetLayout.Column, String> row, Map<SheetLayout.Column, List<int[]>> sources) {
        for (SheetLayout.Column c : found.columns.keySet()) {
            if (c.field() == null || c.field().equals("-")) {
                continue;
            }
            int column = found.columns.get(c);
            List<String> parts = new ArrayList<>();
            List<int[]> at = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (int i : group) {
                String t = texts.get(i).get(c);
                int r = sheetRows.get(i);
                var region = sheet.region(r, column);
                long key = region == null ? key(r, column) : key(region.getFirstRow(), region.getFirstColumn());
                if (t == null || !seen.add(key) || (c.carry() != null && !parts.isEmpty())) {
                    continue;
                }
                parts.add(t);
                at.add(new int[] {r, column});
            }
            if (parts.isEmpty()) {
                continue;
            }
            String joined = String.join(c.clean().contains("compact") ? "" : "\n", parts);
            if (parts.size() > 1) {
                joined = cleanName(c, joined);
            }
            if (joined != null) {
                row.put(c, joined);
                sources.put(c, at);
            }
        }
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    private static List<List<Integer>> singles(int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(List.of(i));
        }
        return out;
    }

    /**
     * Rows grouped into indicators by the merged cells of the 三级 column: the lines a merged name
     * cell spans are one row. A page break cuts such a cell into parts printed on each page (under a
     * repeated header); the parts are one row again when one of them prints no name or both hold lines,
     * at most one prints a score, and their printed weights agree.
     */
    private List<List<Integer>> groups(SheetLayout.Block block, Found found, List<Map<SheetLayout.Column, String>> texts,
                                       List<Integer> sheetRows, Set<Integer> headers) {
        SheetLayout.Column name = column(block, found, "name");
        SheetLayout.Column weight = column(block, found, "weight");
        SheetLayout.Column score = column(block, found, "claimedScore");
        SheetLayout.Column linesColumn = block.columns().stream().filter(c -> c.texts().contains(block.lines().column()))
                .findFirst().orElseThrow();
        Pattern line = Pattern.compile(block.lines().pattern());
        List<List<Integer>> segments = segments(name == null ? -1 : found.columns.get(name), sheetRows);
        List<List<Integer>> groups = new ArrayList<>();
        for (List<Integer> segment : segments) {
            List<Integer> previous = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (previous != null && acrossPage(previous.get(previous.size() - 1), segment.get(0), sheetRows, headers)) {
                String n1 = first(previous, texts, name);
                String n2 = first(segment, texts, name);
                boolean lines1 = hasLines(previous, sheetRows, found.columns.get(linesColumn), line);
                boolean lines2 = hasLines(segment, sheetRows, found.columns.get(linesColumn), line);
                String w1 = first(previous, texts, weight);
                String w2 = first(segment, texts, weight);
                boolean oneScore = first(previous, texts, score) == null || first(segment, texts, score) == null;
                if ((n1 == null || n2 == null || (lines1 && lines2)) && oneScore && (w1 == null || w2 == null || w1.equals(w2))) {
                    previous.addAll(segment);
                    continue;
                }
            }
            groups.add(new ArrayList<>(segment));
        }
        return groups;
    }

    private static SheetLayout.Column column(SheetLayout.Block block, Found found, String field) {
        return block.columns().stream().filter(c -> field.equals(c.field()) && found.columns.containsKey(c)).findFirst().orElse(null);
    }

    private static String first(List<Integer> rows, List<Map<SheetLayout.Column, String>> texts, SheetLayout.Column c) {
        return c == null ? null : rows.stream().map(i -> texts.get(i).get(c)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private boolean hasLines(List<Integer> rows, List<Integer> sheetRows, int column, Pattern line) {
        return rows.stream().map(i -> sheet.text(sheetRows.get(i), column))
                .anyMatch(t -> t != null && line.matcher(t.replaceAll("[\\s\\u3000]+", "")).find());
    }

    /** Consecutive rows lying in one merged cell of the column are one segment; any other row is one of its own. */
    private List<List<Integer>> segments(int column, List<Integer> sheetRows) {
        List<List<Integer>> segments = new ArrayList<>();
        Object last = null;
        for (int i = 0; i < sheetRows.size(); i++) {
            var region = column < 0 ? null : sheet.region(sheetRows.get(i), column);
            if (region != null && region.equals(last)) {
                segments.get(segments.size() - 1).add(i);
            } else {
                segments.add(new ArrayList<>(List.of(i)));
            }
            last = region;
        }
        return segments;
    }

    /** Only repeated header rows lie between the two rows: a page break. */
    private static boolean acrossPage(int before, int after, List<Integer> sheetRows, Set<Integer> headers) {
        int from = sheetRows.get(before);
        int to = sheetRows.get(after);
        if (to - from < 2) {
            return false;
        }
        for (int r = from + 1; r < to; r++) {
            if (!headers.contains(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A merged first/second-level cell cut by page breaks prints its name in one part only: the parts
     * on either side of a repeated header are one cell, so the name fills them all.
     */
    private void joinAcrossPages(SheetLayout.Column c, int column, List<Map<SheetLayout.Column, String>> texts,
                                 List<Integer> sheetRows, Set<Integer> headers) {
        List<List<Integer>> chains = new ArrayList<>();
        for (List<Integer> segment : segments(column, sheetRows)) {
            List<Integer> previous = chains.isEmpty() ? null : chains.get(chains.size() - 1);
            if (previous != null && acrossPage(previous.get(previous.size() - 1), segment.get(0), sheetRows, headers)) {
                String a = first(previous, texts, c);
                String b = first(segment, texts, c);
                if (a == null || b == null || a.equals(b)) {
                    previous.addAll(segment);
                    continue;
                }
            }
            chains.add(new ArrayList<>(segment));
        }
        for (List<Integer> chain : chains) {
            String name = first(chain, texts, c);
            if (name != null && chain.size() > 1) {
                chain.forEach(i -> texts.get(i).putIfAbsent(c, name));
            }
        }
    }

    /** The last row an inline block's values stand on: as far down as its first label's merged cell reaches. */
    private int inlineEnd(Found found) {
        int end = found.headerRow + 1;
        for (int column : found.columns.values()) {
            var region = sheet.region(found.headerRow, column);
            if (region != null && sheet.raw(found.headerRow, column) != null) {
                end = Math.max(end, region.getLastRow() + 1);
            }
        }
        return end;
    }

    private static String joined(List<Map<String, Object>> rows, String field) {
        List<String> parts = rows.stream().map(r -> (String) r.get(field)).filter(java.util.Objects::nonNull).toList();
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /** A row whose own cells carry at least three of the block's header texts. */
    private boolean repeatedHeader(SheetLayout.Block block, int r) {
        int headers = 0;
        for (var cell : sheet.row(r).values()) {
            if (cell.kind() == SheetGrid.Kind.TEXT && block.columns().stream().anyMatch(c -> matches(cell.text(), c.texts()))) {
                headers++;
            }
        }
        return headers >= 3;
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
        return cleanName(c, s);
    }

    /** A name without what its block's {@code nameClean} removes ("其中：", a heading printed over the name). */
    private String cleanName(SheetLayout.Column c, String text) {
        String s = text;
        if ("name".equals(c.field())) {
            for (SheetLayout.Block block : new SheetLayout.Block[] {layout.budget(), layout.goal(), layout.indicators()}) {
                if (block != null && block.nameClean() != null && block.columns().contains(c)) {
                    s = s.replaceAll(block.nameClean(), "");
                }
            }
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
        placements.add(new SheetImport.Placement(SheetGrid.address(row, column), path, FieldCatalogue.label(generic(path)), text,
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
