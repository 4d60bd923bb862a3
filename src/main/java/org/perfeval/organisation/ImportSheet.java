package org.perfeval.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfeval.shared.InvalidInputException;

/**
 * The first sheet of an uploaded workbook as text rows, for the user and unit imports: the size and
 * row limits they share, the heading checked, blank rows skipped, every failure a Chinese message.
 */
final class ImportSheet {
    /** Small: a list of a few hundred users or units is a few dozen KB. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 1000;

    /** One non-blank row: its number as Excel shows it and its cells as text (null when empty). */
    record Line(int number, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }

    private ImportSheet() {
    }

    /**
     * Reads the rows below the heading; {@code what} names the things listed (用户, 单位). A row whose
     * first two cells are empty is skipped.
     */
    static List<Line> read(byte[] bytes, List<String> headings, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "请选择要导入的 Excel 文件（.xlsx）");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", what + "表格不能超过 1 MB");
        }
        List<Line> lines = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.CHINA);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null || !headings.get(0).equals(text(format, header, 0))) {
                throw new InvalidInputException("file", "第一行应为表头：" + String.join("、", headings));
            }
            if (sheet.getLastRowNum() - header.getRowNum() > MAX_ROWS) {
                throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 个" + what);
            }
            for (int i = header.getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null || (text(format, row, 0) == null && text(format, row, 1) == null)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < headings.size(); c++) {
                    cells.add(text(format, row, c));
                }
                lines.add(new Line(i + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "无法读取该文件，请上传 Excel 文件（.xlsx）");
        }
        return lines;
    }

    private static String text(DataFormatter format, Row row, int column) {
        var cell = row.getCell(column);
        String value = cell == null ? null : format.formatCellValue(cell).strip();
        return value == null || value.isEmpty() ? null : value;
    }
}
