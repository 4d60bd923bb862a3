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
        r++;

        r = headings(sheet, r, SheetLabels.BUDGET, s);
        for (BudgetLine l : f.getBudgetLines()) {
            Row row = sheet.createRow(r++);
            text(row, 0, l.getName(), s.text);
            text(row, 1, l.getRole() == null ? null : SheetLabels.ROLE_LABELS.get(SheetLabels.ROLES.indexOf(l.getRole().name())), s.text);
            BigDecimal[] nums = {l.getInitialBudget(), l.getDeclaredBudget(), l.getCompiledBudget(), l.getAnnualBudget(),
                    l.getExecuted(), l.getBalance(), l.getStatedRate(), l.getWeight(), l.getClaimedScore()};
            for (int i = 0; i < nums.length; i++) {
                number(row, 2 + i, nums[i], s);
            }
            text(row, 11, l.getQuarterlyProgress() == null ? null : l.getQuarterlyProgress().stream()
                    .map(v -> v == null ? "" : v.toPlainString()).collect(Collectors.joining(",")), s.text);
        }
        r++;

        r = headings(sheet, r, SheetLabels.GOAL, s);
        Row goal = sheet.createRow(r++);
        text(goal, 0, f.getGoal() == null ? null : f.getGoal().getExpected(), s.wrap);
        text(goal, 1, f.getGoal() == null ? null : f.getGoal().getActual(), s.wrap);
        r++;

        int first = r + 1;
        r = headings(sheet, r, SheetLabels.INDICATORS, s);
        for (Indicator ind : f.getIndicators()) {
            Row row = sheet.createRow(r++);
            text(row, 0, ind.getCategory(), s.text);
            text(row, 1, ind.getSubcategory(), s.text);
            text(row, 2, ind.getName(), s.text);
            text(row, 3, ind.getOperator(), s.text);
            text(row, 4, ind.getTarget(), s.text);
            text(row, 5, ind.getAdjustedTarget(), s.text);
            text(row, 6, ind.getUnitOfMeasure(), s.text);
            text(row, 7, ind.getActual(), s.text);
            number(row, 8, ind.getWeight(), s);
            number(row, 9, ind.getClaimedScore(), s);
            var reasons = ind.getDeviationReasons();
            text(row, 10, reasons == null ? null : reasons.getFunding(), s.wrap);
            text(row, 11, reasons == null ? null : reasons.getInstitution(), s.wrap);
            text(row, 12, reasons == null ? null : reasons.getStaffing(), s.wrap);
            text(row, 13, reasons == null ? null : reasons.getFacilities(), s.wrap);
            text(row, 14, reasons == null ? null : reasons.getOther(), s.wrap);
            text(row, 15, ind.getDeviationNote(), s.wrap);
            text(row, 16, ind.getImprovement(), s.wrap);
            text(row, 17, ind.getPreviousActual(), s.text);
        }
        mergeRuns(sheet, f.getIndicators(), first, 0, Indicator::getCategory);
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

        int[] widths = {14, 16, 22, 10, 14, 14, 10, 16, 9, 9, 14, 14, 14, 14, 14, 24, 24, 16};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        return sheet;
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

    /** 一级指标 cells merged over their run of rows, as on paper; the reader unmerges them. */
    private static void mergeRuns(Sheet sheet, List<Indicator> rows, int firstRow, int column,
                                  java.util.function.Function<Indicator, String> key) {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !Objects.equals(key.apply(rows.get(i)), key.apply(rows.get(start)))) {
                if (i - start > 1 && key.apply(rows.get(start)) != null) {
                    for (int j = start + 1; j < i; j++) {
                        sheet.getRow(firstRow + j).getCell(column).setBlank();
                    }
                    sheet.addMergedRegion(new CellRangeAddress(firstRow + start, firstRow + i - 1, column, column));
                }
                start = i;
            }
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
