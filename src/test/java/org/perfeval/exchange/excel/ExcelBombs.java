package org.perfeval.exchange.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile .xlsx files written entry by entry (POI would need the whole sheet in memory to write them). */
public final class ExcelBombs {
    private ExcelBombs() {
    }

    /** A small file whose one sheet inflates about 170-fold: rows of the same long cells. */
    public static byte[] sparse(long inflatedBytes) {
        return xlsx(inflatedBytes, Integer.MAX_VALUE, 20, 75, 0);
    }

    /**
     * A sheet within the row limit whose cells carry random digits: it inflates only about 30-fold
     * (under POI's ratio check) but to well over the per-import budget.
     */
    public static byte[] dense(long inflatedBytes) {
        return xlsx(inflatedBytes, 1_900, 20, 300, 60);
    }

    /** Inflated size of the sheet of the last file written (for the test's report). */
    public static long lastInflated;

    private static byte[] xlsx(long inflatedBytes, int maxRows, int cells, int repeats, int randoms) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="评价表" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            long written = write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            Random random = new Random(20);
            int row = 0;
            StringBuilder sb = new StringBuilder();
            while (written < inflatedBytes && row < maxRows) {
                row++;
                sb.setLength(0);
                sb.append("<row r=\"").append(row).append("\">");
                for (int c = 0; c < cells; c++) {
                    sb.append("<c r=\"").append((char) ('A' + c)).append(row).append("\" t=\"inlineStr\"><is><t>");
                    for (int k = 0; k < repeats; k++) {
                        sb.append("绩效评价");
                        if (k < randoms) {
                            sb.append(random.nextInt(100));
                        }
                    }
                    sb.append("</t></is></c>");
                }
                sb.append("</row>");
                written += write(zip, sb.toString());
            }
            written += write(zip, "</sheetData></worksheet>");
            zip.closeEntry();
            lastInflated = written;
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, text);
        zip.closeEntry();
    }

    private static long write(ZipOutputStream zip, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        zip.write(b);
        return b.length;
    }
}
