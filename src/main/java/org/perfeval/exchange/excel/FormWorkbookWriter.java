package org.perfeval.exchange.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.SubIndicator;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.ReportSection;

/**
 * Writes a form as the familiar 绩效自评表 sheet (merged title, the budget block, goal, the
 * three-level indicator table, totals, suggestions) plus a 自评报告 sheet. Numbers stay numeric;
 * text that starts like a formula is written as quoted text, never as a formula.
 */
public final class FormWorkbookWriter {

    public byte[] write(EvaluationForm form) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            writeForm(book, SheetLabels.FORM_SHEET, form, styles);
            writeReport(book, SheetLabels.REPORT_SHEET, form, styles);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Sheet writeForm(Workbook book, String sheetName, EvaluationForm f, Styles s) {
        Sheet sheet = book.createSheet(sheetName);
        int r = 0;
        Row title = sheet.createRow(r++);
        text(title, 0, (f.getYear() == null ? "" : f.getYear() + "年度") + (f.getFormType() == null ? "绩效自评表"
                : f.getFormType().label()), s.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, SheetLabels.INDICATORS.size() - 1));

        Row header = sheet.createRow(r++);
        List<String> values = List.of(nz(f.getTitle()), nz(f.getSupervisingDepartment()), nz(f.getUnit()),
                nz(f.getMoneyUnit()), nz(f.getRuleSet()), f.getFormType() == null ? "" : f.getFormType().name());
        int c = 0;
        for (int i = 0; i < values.size(); i++) {
            text(header, c++, SheetLabels.HEADER.get(i), s.label);
            text(header, c++, values.get(i), s.text);
        }
        text(header, c++, SheetLabels.HEADER.get(6), s.label);
        number(header, c, f.getYear() == null ? null : BigDecimal.valueOf(f.getYear()), s);
        if (f.getFormType() == FormType.DEPARTMENT
                || FieldCatalogue.DEPARTMENT_FACTS.stream().anyMatch(field -> field.get(f) != null)) {
            // 部门年初预算收入/支出金额, 编制数, 实有人数: labels and values side by side, as the header row
            Row facts = sheet.createRow(r++);
            int fc = 0;
            for (FieldCatalogue.Field<EvaluationForm> field : FieldCatalogue.DEPARTMENT_FACTS) {
                text(facts, fc++, field.sheetLabel(), s.label);
                number(facts, fc++, (BigDecimal) field.get(f), s);
            }
        }
        r++;

        r = headings(sheet, r, SheetLabels.BUDGET, s);
        for (BudgetLine l : f.getBudgetLines()) {
            writeRow(sheet.createRow(r++), SheetLabels.BUDGET_FIELDS, l, s);
        }
        r++;

        r = headings(sheet, r, SheetLabels.GOAL, s);
        Row goal = sheet.createRow(r++);
        text(goal, 0, f.getGoal() == null ? null : f.getGoal().getExpected(), s.wrap);
        text(goal, 1, f.getGoal() == null ? null : f.getGoal().getActual(), s.wrap);
        r++;

        r = headings(sheet, r, SheetLabels.INDICATORS, s);
        List<Integer> sheetRows = new java.util.ArrayList<>();
        for (Indicator ind : f.getIndicators()) {
            sheetRows.add(r);
            writeRow(sheet.createRow(r++), SheetLabels.INDICATOR_FIELDS, ind, s);
            for (SubIndicator sub : ind.getSubIndicators()) {
                if (sub != null) {
                    writeSubRow(sheet.createRow(r++), sub, s);
                }
            }
        }
        sheetRows.add(r);
        mergeRuns(sheet, f.getIndicators(), sheetRows, 0, Indicator::getCategory);
        r++;

        Row totals = sheet.createRow(r++);
        text(totals, 0, SheetLabels.TOTAL, s.label);
        number(totals, 1, f.getClaimedTotal(), s);
        text(totals, 2, SheetLabels.GRADE, s.label);
        text(totals, 3, f.getClaimedGrade(), s.text);
        r++;

        r = headings(sheet, r, SheetLabels.SUGGESTIONS, s);
        if (f.getSuggestions() != null) {
            for (String option : f.getSuggestions().getSelected()) {
                Row row = sheet.createRow(r++);
                text(row, 0, option, s.text);
                text(row, 1, f.getSuggestions().getDetails() == null ? null : f.getSuggestions().getDetails().get(option), s.wrap);
            }
        }
        Row overall = sheet.createRow(r++);
        text(overall, 0, SheetLabels.OVERALL, s.label);
        text(overall, 1, f.getSuggestions() == null ? null : f.getSuggestions().getOverall(), s.wrap);

        int[] widths = {14, 16, 22, 10, 14, 14, 10, 16, 9, 9, 14, 14, 14, 14, 14, 24, 24, 16, 30, 24, 20, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        return sheet;
    }

    /** One row, a catalogue field per column: numbers stay numeric, long texts wrap. */
    private static <T> void writeRow(Row row, List<FieldCatalogue.Field<T>> fields, T source, Styles s) {
        for (int column = 0; column < fields.size(); column++) {
            FieldCatalogue.Field<T> field = fields.get(column);
            Object value = field.get(source);
            if (field.numeric()) {
                number(row, column, (BigDecimal) value, s);
            } else if (field.kind() == FieldCatalogue.Kind.NUMBER_LIST) {
                @SuppressWarnings("unchecked")
                List<BigDecimal> values = (List<BigDecimal>) value;
                text(row, column, values == null ? null : values.stream().map(v -> v == null ? "" : v.toPlainString())
                        .collect(Collectors.joining(",")), s.text);
            } else if (field.path().equals("role")) {
                text(row, column, value == null ? null : SheetLabels.ROLE_LABELS.get(SheetLabels.ROLES.indexOf((String) value)), s.text);
            } else {
                text(row, column, (String) value, field.maxLength() >= 2000 ? s.wrap : s.text);
            }
        }
    }

    void writeReport(Workbook book, String sheetName, EvaluationForm f, Styles s) {
        Sheet sheet = book.createSheet(sheetName);
        int r = headings(sheet, 0, SheetLabels.REPORT, s);
        if (f.getReport() != null) {
            for (ReportSection section : f.getReport().getSections()) {
                Row row = sheet.createRow(r++);
                text(row, 0, section.getHeading(), s.text);
                text(row, 1, section.getBody(), s.wrap);
            }
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    /**
     * 一级指标 cells merged over their run of rows (sub-rows included), as on paper; the reader
     * unmerges them. {@code sheetRows} holds each indicator's sheet row and, last, the row after them.
     */
    private static void mergeRuns(Sheet sheet, List<Indicator> rows, List<Integer> sheetRows, int column,
                                  java.util.function.Function<Indicator, String> key) {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !Objects.equals(key.apply(rows.get(i)), key.apply(rows.get(start)))) {
                int from = sheetRows.get(start);
                int to = sheetRows.get(i) - 1;
                if (to > from && key.apply(rows.get(start)) != null) {
                    for (int j = from + 1; j <= to; j++) {
                        Cell cell = sheet.getRow(j).getCell(column);
                        if (cell != null) {
                            cell.setBlank();
                        }
                    }
                    sheet.addMergedRegion(new CellRangeAddress(from, to, column, column));
                }
                start = i;
            }
        }
    }

    /** A 分项指标 under its row: its name after the sub-row mark in the 三级指标 column. */
    private static void writeSubRow(Row row, SubIndicator sub, Styles s) {
        for (FieldCatalogue.Field<SubIndicator> field : FieldCatalogue.SUB_INDICATOR) {
            Object value = field.get(sub);
            if (field.path().equals("name")) {
                value = FieldCatalogue.SUB_ROW_MARK + " " + (value == null ? "" : value);
            }
            text(row, SheetLabels.INDICATORS.indexOf(field.sheetLabel()), (String) value, s.text);
        }
    }

    private static int headings(Sheet sheet, int r, List<String> labels, Styles s) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < labels.size(); i++) {
            text(row, i, labels.get(i), s.label);
        }
        return r + 1;
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            // String cells are never evaluated; the quote prefix makes Excel show "=…" as typed too.
            cell.setCellValue(value);
        }
        cell.setCellStyle(value != null && looksLikeFormula(value) ? quoted(row.getSheet().getWorkbook(), style) : style);
    }

    static void number(Row row, int column, BigDecimal value, Styles s) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(s.number);
    }

    /** Text a spreadsheet could take for a formula (or a DDE command) when a user re-enters the cell. */
    public static boolean looksLikeFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static CellStyle quoted(Workbook book, CellStyle base) {
        CellStyle style = book.createCellStyle();
        style.cloneStyleFrom(base);
        style.setQuotePrefixed(true);
        return style;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The few cell styles of the sheet, created once per workbook. */
    static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle number;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            label = bordered(book);
            label.setFont(bold);
            text = bordered(book);
            wrap = bordered(book);
            wrap.setWrapText(true);
            number = bordered(book);
            number.setDataFormat(book.createDataFormat().getFormat("0.######"));
        }

        private static CellStyle bordered(Workbook book) {
            CellStyle style = book.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
