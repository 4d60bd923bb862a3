package org.perfeval.exchange.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormLimits;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.json.InvalidFormException;

/**
 * "Import the sheet you already have": recognises which layout of {@code forms/layouts/} a workbook
 * is in (the product's own export, or a province's printed form), reads the form with it and tells
 * for every cell where it went. A sheet of no known layout is refused with the headers found.
 */
public final class SheetImport {

    /** What became of one cell. */
    public enum Status { PLACED, IGNORED, UNREADABLE }

    /** One cell: its address ("D12"), the field it filled (path and label), the text printed, and why not if ignored. */
    public record Placement(String address, String path, String label, String text, Status status, String reason)
            implements java.io.Serializable {
    }

    /**
     * A recognised sheet read: the layout, the form, every cell's fate, columns the layout could not
     * place (imported without them), cells named as not read (address and why), the unit's code where
     * the sheet prints one, and the problems that keep the form from being saved.
     */
    public record Result(String layoutId, String layoutName, String sheetName, EvaluationForm form, List<Placement> placements,
                         List<String> unknownColumns, List<String> notRead, String unitCode, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private SheetImport() {
    }

    /** Reads and recognises; a form that is not valid is an InvalidFormException naming every cell. */
    public static EvaluationForm read(byte[] bytes) {
        Result result = recognise(WorkbookCells.read(bytes));
        if (!result.valid()) {
            throw new InvalidFormException(result.problems());
        }
        return result.form();
    }

    /** A whole-campaign workbook read: every form found (one per sheet or per block), and the sheets that held none. */
    public record Campaign(List<Result> forms, List<String> unrecognisedSheets) {
    }

    /**
     * Every form of a workbook with many units' forms: each sheet in the product's layout is one form;
     * any other sheet is split where a layout's title is printed again (several forms one below the
     * other), and each part is recognised on its own.
     */
    public static Campaign recogniseAll(List<SheetGrid> sheets) {
        List<Result> forms = new ArrayList<>();
        List<String> unrecognised = new ArrayList<>();
        SheetLayout own = SheetLayout.all().stream().filter(SheetLayout::catalogue).findFirst().orElseThrow();
        for (SheetGrid sheet : sheets) {
            if (sheet.name().equals(SheetLabels.REPORT_SHEET) || sheet.lastRow() < 0) {
                continue;
            }
            if (hasOwnHeader(sheet)) {
                try {
                    forms.add(new Result(own.id(), own.name(), sheet.name(), new FormWorkbookReader().readSheet(sheet),
                            List.of(), List.of(), List.of(), null, List.of()));
                } catch (InvalidFormException e) {
                    forms.add(new Result(own.id(), own.name(), sheet.name(), null, List.of(), List.of(), List.of(), null, e.problems()));
                }
                continue;
            }
            List<Integer> starts = titleRows(sheet);
            boolean any = false;
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i);
                int to = i + 1 < starts.size() ? starts.get(i + 1) : sheet.lastRow() + 1;
                SheetGrid part = starts.size() == 1 ? sheet : sheet.slice(sheet.name() + " 第 " + (i + 1) + " 张（第 "
                        + (from + 1) + "–" + to + " 行）", from, to);
                try {
                    forms.add(recognise(List.of(part)));
                    any = true;
                } catch (InvalidFormException e) {
                    // a part that is no form (a cover note, a summary) is left out and named below
                }
            }
            if (!any) {
                unrecognised.add(sheet.name());
            }
        }
        return new Campaign(List.copyOf(forms), List.copyOf(unrecognised));
    }

    /** Where forms start: the rows printing a layout's title; the whole sheet when it is printed once or never. */
    private static List<Integer> titleRows(SheetGrid sheet) {
        List<Integer> starts = new ArrayList<>();
        for (int r = 0; r <= sheet.lastRow(); r++) {
            var cells = sheet.row(r);
            if (cells.isEmpty()) {
                continue;
            }
            String first = LayoutReader.normalize(cells.firstEntry().getValue().text());
            boolean title = SheetLayout.all().stream().flatMap(l -> l.titleTexts().stream())
                    .anyMatch(t -> first.startsWith(LayoutReader.normalize(t)));
            if (title) {
                starts.add(r);
            }
        }
        if (starts.size() < 2) {
            return List.of(0);
        }
        starts.set(0, 0);
        return starts;
    }

    /** The best layout for the workbook, read; InvalidFormException when no layout fits. */
    public static Result recognise(List<SheetGrid> sheets) {
        SheetLayout own = SheetLayout.all().stream().filter(SheetLayout::catalogue).findFirst().orElse(null);
        SheetGrid exported = FormWorkbookReader.sheet(sheets, SheetLabels.FORM_SHEET);
        if (own != null && exported != null && hasOwnHeader(exported)) {
            return ownLayout(own, sheets);
        }
        List<LayoutReader> candidates = new ArrayList<>();
        for (SheetGrid sheet : sheets) {
            if (sheet.name().equals(SheetLabels.REPORT_SHEET)) {
                continue;
            }
            for (SheetLayout layout : SheetLayout.all()) {
                if (!layout.catalogue()) {
                    LayoutReader reader = new LayoutReader(layout, sheet);
                    if (reader.applicable()) {
                        candidates.add(reader);
                    }
                }
            }
        }
        LayoutReader best = candidates.stream().max(Comparator.comparingInt((LayoutReader r) -> r.score)
                .thenComparingInt(r -> -r.missing.size())).orElse(null);
        if (best == null) {
            throw new InvalidFormException(List.of(new Problem("", unknownLayout(sheets))));
        }
        EvaluationForm form = best.read();
        List<Problem> problems = new ArrayList<>(best.problems);
        if (form.getIndicators().isEmpty()) {
            problems.add(new Problem("indicators", "工作表“" + best.sheet.name() + "”按“" + best.layout.name()
                    + "”识别，但表头（第 " + (best.indicators.headerRow() + 1) + " 行）下没有指标行"));
        }
        if (problems.isEmpty()) {
            problems.addAll(FormLimits.check(form));
        }
        List<String> unknown = new ArrayList<>(best.unknownColumns);
        for (String header : best.missing) {
            unknown.add("缺少表头“" + header + "”");
        }
        return new Result(best.layout.id(), best.layout.name(), best.sheet.name(), form, List.copyOf(best.placements),
                List.copyOf(unknown), List.copyOf(best.notRead), best.unitCode, List.copyOf(problems));
    }

    /** The product's own export: read exactly as before, by the catalogue's labels. */
    private static Result ownLayout(SheetLayout own, List<SheetGrid> sheets) {
        try {
            EvaluationForm form = new FormWorkbookReader().read(sheets);
            return new Result(own.id(), own.name(), SheetLabels.FORM_SHEET, form, List.of(), List.of(), List.of(), null, List.of());
        } catch (InvalidFormException e) {
            return new Result(own.id(), own.name(), SheetLabels.FORM_SHEET, null, List.of(), List.of(), List.of(), null,
                    e.problems());
        }
    }

    /** The product's header row: its first two catalogue labels in columns A and C (a province prints 项目名称 in A too). */
    private static boolean hasOwnHeader(SheetGrid sheet) {
        for (int r = 0; r <= Math.min(sheet.lastRow(), 50); r++) {
            SheetGrid.Value first = sheet.raw(r, 0);
            SheetGrid.Value second = sheet.raw(r, 2);
            if (first != null && SheetLabels.HEADER.get(0).equals(first.text())
                    && second != null && SheetLabels.HEADER.get(1).equals(second.text())) {
                return true;
            }
        }
        return false;
    }

    /** The refusal: which layouts are known, and the header texts the workbook has, so a person can tell what differs. */
    private static String unknownLayout(List<SheetGrid> sheets) {
        Set<String> found = new LinkedHashSet<>();
        for (SheetGrid sheet : sheets) {
            for (int r = 0; r <= Math.min(sheet.lastRow(), 40) && found.size() < 40; r++) {
                for (var cell : sheet.row(r).entrySet()) {
                    String text = cell.getValue().text().replaceAll("\\s+", "");
                    if (cell.getValue().kind() == SheetGrid.Kind.TEXT && !text.isEmpty() && text.length() <= 20) {
                        found.add(text + "（" + sheet.name() + "!" + SheetGrid.address(r, cell.getKey()) + "）");
                    }
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (SheetLayout layout : SheetLayout.all()) {
            known.append(known.isEmpty() ? "" : "、").append(layout.name());
        }
        return "无法识别表格格式：不是本系统导出的“" + SheetLabels.FORM_SHEET + "”（表头“" + SheetLabels.HEADER.get(0)
                + "”），也不符合已知的格式（" + known + "）。找到的表头："
                + (found.isEmpty() ? "（无）" : String.join("、", found));
    }
}
