package org.perfeval.exchange.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfeval.exchange.json.InvalidFormException;

/** The streaming reader: what it reads from .xlsx and .xls, and where it stops. */
class WorkbookCellsTest {

    @Test
    void readsValuesMergesAndCachedFormulaResultsFromXlsxAndXls() throws IOException {
        for (Workbook book : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            Sheet sheet = book.createSheet("评价表");
            Row r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue("产出指标");
            r0.createCell(1).setCellValue(12.5);
            r0.createCell(2).setCellFormula("B1*2");
            r0.createCell(3).setCellFormula("\"文\"&\"字\"");
            r0.createCell(4).setCellValue(true);
            sheet.addMergedRegion(new CellRangeAddress(0, 2, 0, 0));
            Row r5 = sheet.createRow(5);
            r5.createCell(7).setCellValue(300);
            // Cached results as Excel would have saved them; the reader must not evaluate.
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            r0.getCell(2).setCellValue(99);
            List<SheetGrid> sheets = WorkbookCells.read(bytes(book));
            SheetGrid grid = sheets.get(0);
            String kind = book.getClass().getSimpleName();
            assertThat(grid.name()).as(kind).isEqualTo("评价表");
            assertThat(grid.text(2, 0)).as(kind + " merged cell carries down").isEqualTo("产出指标");
            assertThat(grid.raw(2, 0)).isNull();
            assertThat(grid.value(0, 1).number()).isEqualTo(12.5);
            assertThat(grid.value(0, 2).text()).as(kind + " the cached value, not a new evaluation").isEqualTo("99");
            assertThat(grid.text(0, 3)).isEqualTo("文字");
            assertThat(grid.value(0, 4).kind()).isEqualTo(SheetGrid.Kind.BOOLEAN);
            assertThat(grid.text(5, 7)).isEqualTo("300");
            assertThat(SheetGrid.address(5, 7)).isEqualTo("H6");
        }
    }

    @Test
    void aBombIsRefusedByTheInflateRatioAndTheRatioStaysAtLeastPoisDefault() {
        assertThatThrownBy(() -> WorkbookCells.read(ExcelBombs.sparse(90L * 1024 * 1024)))
                .isInstanceOf(InvalidFormException.class).hasMessageContaining("压缩比");
        assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.01);
    }

    @Test
    void aSheetUnderTheRatioButOverTheInflatedBudgetIsRefusedWhileReading() {
        byte[] dense = ExcelBombs.dense(140L * 1024 * 1024);
        assertThat(dense.length).isLessThan((int) WorkbookCells.MAX_BYTES);
        assertThatThrownBy(() -> WorkbookCells.read(dense)).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("解压后超过");
        assertThatThrownBy(() -> WorkbookCells.read(ExcelBombs.sparse(90L * 1024 * 1024))).hasMessageContaining("压缩炸弹");
    }

    @Test
    void rowsBeyondTheLimitAreRefusedWithTheCellNamed() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        book.createSheet("评价表").createRow(WorkbookCells.MAX_ROWS + 5).createCell(2).setCellValue("x");
        assertThatThrownBy(() -> WorkbookCells.read(bytes(book))).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("行数过多").hasMessageContaining("C" + (WorkbookCells.MAX_ROWS + 6));
    }

    static byte[] bytes(Workbook book) throws IOException {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        }
    }
}
