package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.List;

import org.perfeval.exchange.excel.SheetGrid;
import org.perfeval.exchange.excel.WorkbookCells;
import org.perfeval.exchange.json.InvalidFormException;
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
            throw new InvalidInputException("file", "请选择要导入的 Excel 文件（.xlsx 或 .xls）");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", what + "表格不能超过 1 MB");
        }
        // Read like every other import: streaming, with the inflate, size and concurrency limits.
        SheetGrid sheet;
        try {
            sheet = WorkbookCells.read(bytes).get(0);
        } catch (InvalidFormException e) {
            throw new InvalidInputException("file", e.problems().isEmpty() ? "无法读取该文件" : e.problems().get(0).message());
        } catch (RuntimeException e) {
            throw new InvalidInputException("file", "无法读取该文件，请上传 Excel 文件（.xlsx 或 .xls）");
        }
        int first = sheet.firstRow();
        if (sheet.lastRow() < 0 || !headings.get(0).equals(sheet.text(first, 0))) {
            throw new InvalidInputException("file", "第一行应为表头：" + String.join("、", headings));
        }
        if (sheet.lastRow() - first > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 个" + what);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = first + 1; i <= sheet.lastRow(); i++) {
            if (sheet.text(i, 0) == null && sheet.text(i, 1) == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < headings.size(); c++) {
                cells.add(sheet.text(i, c));
            }
            lines.add(new Line(i + 1, cells));
        }
        return lines;
    }
}
