package org.perfeval.exchange.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfeval.exchange.EvaluationForm;

/** A whole campaign in one workbook: a summary sheet, then one sheet per form. */
public final class CampaignWorkbookWriter {

    /** One form of the campaign with what the summary shows of it. */
    public record Entry(EvaluationForm form, String unitName, String status, BigDecimal total, String grade) {
    }

    public byte[] write(String campaignName, List<Entry> entries) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            FormWorkbookWriter writer = new FormWorkbookWriter();
            FormWorkbookWriter.Styles styles = new FormWorkbookWriter.Styles(book);
            Sheet summary = book.createSheet("汇总");
            Row title = summary.createRow(0);
            FormWorkbookWriter.text(title, 0, campaignName, styles.title);
            Row head = summary.createRow(1);
            String[] headings = {"序号", "单位", "项目名称", "年度", "状态", "总分", "等级", "工作表"};
            for (int i = 0; i < headings.length; i++) {
                FormWorkbookWriter.text(head, i, headings[i], styles.label);
            }
            Set<String> used = new HashSet<>(Set.of("汇总"));
            int r = 2;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                String sheetName = sheetName(i + 1, e.form().getTitle(), used);
                writer.writeForm(book, sheetName, e.form(), styles);
                Row row = summary.createRow(r++);
                FormWorkbookWriter.number(row, 0, BigDecimal.valueOf(i + 1), styles);
                FormWorkbookWriter.text(row, 1, e.unitName(), styles.text);
                FormWorkbookWriter.text(row, 2, e.form().getTitle(), styles.text);
                FormWorkbookWriter.number(row, 3, e.form().getYear() == null ? null : BigDecimal.valueOf(e.form().getYear()), styles);
                FormWorkbookWriter.text(row, 4, e.status(), styles.text);
                FormWorkbookWriter.number(row, 5, e.total(), styles);
                FormWorkbookWriter.text(row, 6, e.grade(), styles.text);
                FormWorkbookWriter.text(row, 7, sheetName, styles.text);
            }
            int[] widths = {6, 28, 30, 8, 14, 10, 6, 30};
            for (int i = 0; i < widths.length; i++) {
                summary.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel allows 31 characters and none of []:*?/\ in a sheet name; names must be unique. */
    static String sheetName(int number, String title, Set<String> used) {
        String clean = (number + "." + (title == null ? "" : title)).replaceAll("[\\[\\]:*?/\\\\']", "_");
        String name = clean.length() > 31 ? clean.substring(0, 31) : clean;
        int n = 2;
        while (used.contains(name)) {
            String suffix = "~" + n++;
            name = (clean.length() > 31 - suffix.length() ? clean.substring(0, 31 - suffix.length()) : clean) + suffix;
        }
        used.add(name);
        return name;
    }
}
