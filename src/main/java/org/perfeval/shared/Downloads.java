package org.perfeval.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfeval.exchange.excel.FormWorkbookWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads: an attachment with a Chinese file name, and simple one-sheet Excel lists. */
public final class Downloads {
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(byte[] bytes, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    /**
     * A list as one sheet of text cells. POI never turns a string cell into a formula; text that
     * starts like one (= + - @ tab CR) is also quote-prefixed, as in the form exports, so that
     * Excel shows it as typed and does not evaluate it when the cell is edited.
     */
    public static ResponseEntity<byte[]> sheet(String fileName, String sheetName, List<String> headings,
                                        List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) {
                text(head, i, headings.get(i), quoted);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    text(row, c, rows.get(r).get(c), quoted);
                }
            }
            book.write(out);
            return attachment(out.toByteArray(), XLSX, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle quoted) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (value != null && FormWorkbookWriter.looksLikeFormula(value)) {
            cell.setCellStyle(quoted);
        }
    }
}
