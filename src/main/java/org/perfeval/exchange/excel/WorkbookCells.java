package org.perfeval.exchange.excel;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.json.InvalidFormException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads every sheet of an .xlsx (POI's event API: the sheet XML streamed through a SAX handler) or
 * an .xls (HSSF's record events) into {@link SheetGrid}s, never building POI's object model and
 * never evaluating a formula (its cached value is read). Reading stops as soon as a limit is passed:
 * file size, inflated bytes, rows, cells, text per cell, sheets; a compressed entry inflating more
 * than POI's default ratio is refused by POI. At most {@link #CONCURRENT_IMPORTS} workbooks are read
 * at a time in this process, so a handful of hostile files cannot exhaust the heap together.
 */
public final class WorkbookCells {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    /** All parts read for one workbook (sheets and shared strings), inflated. */
    static final long MAX_INFLATED_BYTES = 40L * 1024 * 1024;
    static final int MAX_ROWS = 2_000;
    /** Cells right of this column are not kept (no form is that wide); they still count as cells. */
    static final int MAX_COLUMNS = 255;
    static final int MAX_CELLS = 200_000;
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_SHEETS = 200;
    static final int MAX_SHARED_STRINGS = 200_000;
    static final int CONCURRENT_IMPORTS = 3;
    /** POI's own default; an earlier version lowered it, and it must never be below this. */
    static final double MIN_INFLATE_RATIO = 0.01;

    private static final Semaphore GATE = new Semaphore(CONCURRENT_IMPORTS, true);

    static {
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_INFLATED_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_INFLATED_BYTES);
        }
    }

    private WorkbookCells() {
    }

    /** True for the OLE2 container of an .xls (or an encrypted .xlsx). */
    static boolean isOle2(byte[] bytes) {
        return bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    /** Every sheet of the workbook, in order; an InvalidFormException with a Chinese message otherwise. */
    public static List<SheetGrid> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw problem("文件为空，请选择 Excel 文件（.xlsx 或 .xls）");
        }
        if (bytes.length > MAX_BYTES) {
            throw problem("文件超过 10 MB");
        }
        boolean ole2 = isOle2(bytes);
        if (!ole2 && !isZip(bytes)) {
            throw problem("不是 Excel 文件（.xlsx 或 .xls），请检查文件");
        }
        boolean admitted;
        try {
            admitted = GATE.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw problem("服务器正忙：同时导入的 Excel 文件过多，请稍后再试");
        }
        Limits limits = new Limits();
        try {
            List<SheetGrid> sheets = ole2 ? readXls(bytes, limits) : readXlsx(bytes, limits);
            if (limits.exceeded != null) {
                throw problem(limits.exceeded);
            }
            sheets.forEach(SheetGrid::seal);
            return sheets;
        } catch (InvalidFormException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw problem("文件已加密，请取消密码后再导入");
        } catch (Exception | OutOfMemoryError e) {
            // A limit passed deep inside a parser arrives wrapped; its own message is the one to show.
            if (limits.exceeded != null) {
                throw problem(limits.exceeded);
            }
            if (e instanceof OutOfMemoryError) {
                throw problem("文件内容过大，无法读取");
            }
            String message = causes(e);
            if (message.contains("setMaxEntrySize") || message.contains("exceeds the maximum")) {
                throw problem(inflatedTooLarge());
            }
            if (message.contains("Zip bomb") || message.contains("ratio")) {
                throw problem("文件解压后过大、压缩比异常（疑似压缩炸弹），拒绝读取");
            }
            throw problem(ole2 ? "无法读取旧版 Excel（.xls）文件：文件可能已损坏或已加密，可在 Excel 中另存为 .xlsx 后再导入"
                    : "无法读取 Excel 文件：文件可能已损坏，或不是 .xlsx 格式");
        } finally {
            GATE.release();
        }
    }

    private static String inflatedTooLarge() {
        return "文件解压后超过 " + (MAX_INFLATED_BYTES >> 20) + " MB，拒绝读取";
    }

    /** The messages of an exception and its causes (POI's zip checks arrive wrapped). */
    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static InvalidFormException problem(String message) {
        return new InvalidFormException(List.of(new Problem("", message)));
    }

    /** What has been read so far against the limits; the first limit passed, in Chinese. */
    static final class Limits {
        long inflated;
        int cells;
        String exceeded;

        boolean fail(String message) {
            if (exceeded == null) {
                exceeded = message;
            }
            return false;
        }

        /** Counts one value at (row, column); false when a limit is passed (reading must stop). */
        boolean cell(String sheet, int row, int column, String text) {
            if (++cells > MAX_CELLS) {
                return fail("单元格过多（最多 " + MAX_CELLS + " 个）");
            }
            if (row > MAX_ROWS) {
                return fail("工作表“" + sheet + "”行数过多（最多 " + MAX_ROWS + " 行），第 " + (row + 1) + " 行（"
                        + SheetGrid.address(row, Math.min(column, MAX_COLUMNS)) + "）仍有内容");
            }
            if (text != null && text.length() > MAX_CELL_CHARS) {
                return fail(SheetGrid.address(row, column) + " 的文字过长（最多 " + MAX_CELL_CHARS + " 字）");
            }
            return true;
        }
    }

    /** An inflated part, counted against the workbook's budget; reading past it stops with the limit's message. */
    private static final class Counted extends FilterInputStream {
        private final Limits limits;

        Counted(InputStream in, Limits limits) {
            super(in);
            this.limits = limits;
        }

        private void count(long n) throws IOException {
            if (n > 0 && (limits.inflated += n) > MAX_INFLATED_BYTES) {
                limits.fail(inflatedTooLarge());
                throw new IOException("inflated size limit");
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }
    }

    // ---------------------------------------------------------------- .xlsx

    private static List<SheetGrid> readXlsx(byte[] bytes, Limits limits) throws Exception {
        // A file, not a stream: the zip is then read entry by entry on demand, each entry inflated
        // through POI's ratio and size checks, instead of every entry being inflated into memory first.
        Path file = Files.createTempFile("perfeval-import", ".xlsx");
        try {
            Files.write(file, bytes);
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = sharedStrings(pkg, limits);
                List<SheetGrid> sheets = new ArrayList<>();
                XSSFReader.SheetIterator it = reader.getSheetIterator();
                while (it.hasNext() && limits.exceeded == null) {
                    try (InputStream in = new Counted(it.next(), limits)) {
                        if (sheets.size() >= MAX_SHEETS) {
                            limits.fail("工作表过多（最多 " + MAX_SHEETS + " 个）");
                            break;
                        }
                        SheetGrid grid = new SheetGrid(it.getSheetName());
                        sheets.add(grid);
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new SheetHandler(grid, strings, limits));
                        parser.parse(new InputSource(in));
                    }
                }
                return sheets;
            } finally {
                pkg.revert();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static SharedStrings sharedStrings(OPCPackage pkg, Limits limits) throws Exception {
        var parts = pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new BoundedStrings(new ByteArrayInputStream(
                    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".getBytes()));
        }
        try (InputStream in = new Counted(parts.get(0).getInputStream(), limits)) {
            return new BoundedStrings(in);
        }
    }

    /** The shared strings, refusing a table of more entries than any form needs (each entry costs heap). */
    private static final class BoundedStrings extends ReadOnlySharedStringsTable {
        // No initialiser: the superclass constructor parses (and counts) before this class's fields would be set.
        private int entries;

        BoundedStrings(InputStream in) throws IOException, SAXException {
            super(in, false);
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if ("si".equals(localName) && ++entries > MAX_SHARED_STRINGS) {
                throw new SAXException("too many shared strings");
            }
            super.startElement(uri, localName, name, attributes);
        }
    }

    /**
     * POI's sheet handler, given no styles so numbers arrive as stored (not formatted); this subclass
     * notes each cell's stored type, collects merged regions and stops at the limits.
     */
    private static final class SheetHandler extends XSSFSheetXMLHandler {
        private final Collector collector;
        private final Limits limits;
        private int cellChars;

        SheetHandler(SheetGrid grid, SharedStrings strings, Limits limits) {
            this(new Collector(grid, limits), strings, limits);
        }

        private SheetHandler(Collector collector, SharedStrings strings, Limits limits) {
            super(null, strings, collector, false);
            this.collector = collector;
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (limits.exceeded != null) {
                throw new SAXException("limit");
            }
            switch (localName) {
                case "c" -> {
                    collector.type = attributes.getValue("t");
                    cellChars = 0;
                }
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null && collector.grid.mergedRegions().size() < MAX_CELLS / 10) {
                        try {
                            collector.grid.merge(CellRangeAddress.valueOf(ref));
                        } catch (RuntimeException e) {
                            // A malformed region is ignored: the cells keep their own values.
                        }
                    }
                }
                default -> {
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if ((cellChars += length) > MAX_CELL_CHARS * 2) {
                limits.fail("单元格文字过长（最多 " + MAX_CELL_CHARS + " 字）");
                throw new SAXException("limit");
            }
            super.characters(ch, start, length);
        }
    }

    /** Receives POI's cell events and keeps the values. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final SheetGrid grid;
        final Limits limits;
        String type;

        Collector(SheetGrid grid, Limits limits) {
            this.grid = grid;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            if (reference == null || formatted == null || formatted.isEmpty()) {
                return;
            }
            CellAddress at = new CellAddress(reference);
            SheetGrid.Value value;
            String t = type == null ? "n" : type;
            switch (t) {
                case "n" -> value = number(formatted);
                case "b" -> value = new SheetGrid.Value(SheetGrid.Kind.BOOLEAN, "1".equals(formatted) || "TRUE".equalsIgnoreCase(formatted)
                        ? "TRUE" : "FALSE", 0);
                case "e" -> value = new SheetGrid.Value(SheetGrid.Kind.ERROR, formatted, 0);
                default -> value = new SheetGrid.Value(SheetGrid.Kind.TEXT, formatted, 0);
            }
            if (!limits.cell(grid.name(), at.getRow(), at.getColumn(), formatted)) {
                throw new IllegalStateException("limit");
            }
            if (at.getColumn() <= MAX_COLUMNS) {
                grid.put(at.getRow(), at.getColumn(), value);
            }
        }

        @Override
        public void headerFooter(String text, boolean isHeader, String tagName) {
        }
    }

    /** A stored number as a value; text that does not parse (a date cell, say) stays text. */
    static SheetGrid.Value number(String stored) {
        try {
            double d = Double.parseDouble(stored);
            return new SheetGrid.Value(SheetGrid.Kind.NUMBER, plain(d), d);
        } catch (NumberFormatException e) {
            return new SheetGrid.Value(SheetGrid.Kind.TEXT, stored, 0);
        }
    }

    static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- .xls

    private static List<SheetGrid> readXls(byte[] bytes, Limits limits) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            XlsListener listener = new XlsListener(limits);
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(listener);
            new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
            return listener.sheets;
        }
    }

    /** The BIFF records of an .xls, one at a time: sheet boundaries, shared strings, cell values, merges. */
    private static final class XlsListener extends AbortableHSSFListener {
        final Limits limits;
        final List<SheetGrid> sheets = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        SSTRecord strings;
        SheetGrid current;
        FormulaRecord pendingString;

        XlsListener(Limits limits) {
            this.limits = limits;
        }

        @Override
        public short abortableProcessRecord(Record record) {
            if (record instanceof BoundSheetRecord sheet) {
                names.add(sheet.getSheetname());
            } else if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                if (sheets.size() >= MAX_SHEETS) {
                    return stop("工作表过多（最多 " + MAX_SHEETS + " 个）");
                }
                current = new SheetGrid(sheets.size() < names.size() ? names.get(sheets.size()) : "Sheet" + (sheets.size() + 1));
                sheets.add(current);
            } else if (record instanceof SSTRecord sst) {
                if (sst.getNumUniqueStrings() > MAX_SHARED_STRINGS) {
                    return stop("文字单元格过多");
                }
                strings = sst;
            } else if (current == null) {
                return 0;
            } else if (record instanceof LabelSSTRecord label) {
                String text = strings == null ? null : strings.getString(label.getSSTIndex()).getString();
                return put(label, new SheetGrid.Value(SheetGrid.Kind.TEXT, text == null ? "" : text, 0));
            } else if (record instanceof LabelRecord label) {
                return put(label, new SheetGrid.Value(SheetGrid.Kind.TEXT, label.getValue(), 0));
            } else if (record instanceof NumberRecord n) {
                return put(n, new SheetGrid.Value(SheetGrid.Kind.NUMBER, plain(n.getValue()), n.getValue()));
            } else if (record instanceof RKRecord rk) {
                return put(rk, new SheetGrid.Value(SheetGrid.Kind.NUMBER, plain(rk.getRKNumber()), rk.getRKNumber()));
            } else if (record instanceof BoolErrRecord be) {
                return put(be, be.isBoolean() ? new SheetGrid.Value(SheetGrid.Kind.BOOLEAN, be.getBooleanValue() ? "TRUE" : "FALSE", 0)
                        : new SheetGrid.Value(SheetGrid.Kind.ERROR, FormulaError.forInt(be.getErrorValue()).getString(), 0));
            } else if (record instanceof FormulaRecord f) {
                // The cached result, never evaluated; a text result follows in a StringRecord.
                CellType type = CellType.forInt(f.getCachedResultType());
                switch (type) {
                    case NUMERIC -> {
                        return put(f, new SheetGrid.Value(SheetGrid.Kind.NUMBER, plain(f.getValue()), f.getValue()));
                    }
                    case STRING -> pendingString = f;
                    case BOOLEAN -> {
                        return put(f, new SheetGrid.Value(SheetGrid.Kind.BOOLEAN, f.getCachedBooleanValue() ? "TRUE" : "FALSE", 0));
                    }
                    case ERROR -> {
                        return put(f, new SheetGrid.Value(SheetGrid.Kind.ERROR, "#ERROR", 0));
                    }
                    default -> {
                    }
                }
            } else if (record instanceof StringRecord s && pendingString != null) {
                FormulaRecord f = pendingString;
                pendingString = null;
                return put(f, new SheetGrid.Value(SheetGrid.Kind.TEXT, s.getString(), 0));
            } else if (record instanceof MergeCellsRecord merges) {
                for (int i = 0; i < merges.getNumAreas(); i++) {
                    current.merge(merges.getAreaAt(i));
                }
            }
            return 0;
        }

        private short put(CellValueRecordInterface cell, SheetGrid.Value value) {
            if (value.text() == null || value.text().isEmpty()) {
                return 0;
            }
            if (!limits.cell(current.name(), cell.getRow(), cell.getColumn(), value.text())) {
                return 1;
            }
            if (cell.getColumn() <= MAX_COLUMNS) {
                current.put(cell.getRow(), cell.getColumn(), value);
            }
            return 0;
        }

        private short stop(String message) {
            limits.fail(message);
            return 1;
        }
    }
}
