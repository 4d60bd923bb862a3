package org.perfeval.exchange.excel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * The values of one sheet as read in streaming mode: only cells that hold something, each with the
 * kind Excel stored (a formula contributes its cached result, never evaluated), and the merged
 * regions. Read-only once built; bounded by the limits of {@link WorkbookCells}.
 */
public final class SheetGrid {

    /** What a cell held. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    /** One cell's value: {@code text} as stored (a number in its plain form), {@code number} for NUMBER. */
    public record Value(Kind kind, String text, double number) {
    }

    private final String name;
    private final NavigableMap<Integer, NavigableMap<Integer, Value>> rows = new TreeMap<>();
    private final List<CellRangeAddress> merged = new ArrayList<>();
    private final Map<Long, CellRangeAddress> mergedAt = new HashMap<>();

    SheetGrid(String name) {
        this.name = name;
    }

    void put(int row, int column, Value value) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
    }

    void merge(CellRangeAddress region) {
        merged.add(region);
    }

    /** Indexes the merged regions once reading is done (regions are few; their cells bounded by the sheet). */
    void seal() {
        for (CellRangeAddress region : merged) {
            int lastRow = Math.min(region.getLastRow(), WorkbookCells.MAX_ROWS + 1);
            int lastColumn = Math.min(region.getLastColumn(), WorkbookCells.MAX_COLUMNS);
            for (int r = region.getFirstRow(); r <= lastRow; r++) {
                for (int c = region.getFirstColumn(); c <= lastColumn; c++) {
                    mergedAt.put(key(r, c), region);
                }
            }
        }
    }

    public String name() {
        return name;
    }

    /** The last row holding a value, -1 for an empty sheet. */
    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    /** The last column holding a value in any row, -1 for an empty sheet. */
    public int lastColumn() {
        return rows.values().stream().mapToInt(NavigableMap::lastKey).max().orElse(-1);
    }

    /** The cell's own value (null when blank), not looking into merged regions. */
    public Value raw(int row, int column) {
        NavigableMap<Integer, Value> cells = rows.get(row);
        return cells == null ? null : cells.get(column);
    }

    /** The value shown at the cell: its own, or the top-left value of the merged region it lies in. */
    public Value value(int row, int column) {
        CellRangeAddress region = mergedAt.get(key(row, column));
        return region == null ? raw(row, column) : raw(region.getFirstRow(), region.getFirstColumn());
    }

    /** The merged region covering the cell, or null. */
    public CellRangeAddress region(int row, int column) {
        return mergedAt.get(key(row, column));
    }

    /** The cells of a row that hold values, by column. */
    public NavigableMap<Integer, Value> row(int row) {
        NavigableMap<Integer, Value> cells = rows.get(row);
        return cells == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(cells);
    }

    public List<CellRangeAddress> mergedRegions() {
        return Collections.unmodifiableList(merged);
    }

    /** The text shown at a cell, stripped; null when blank. */
    public String text(int row, int column) {
        Value v = value(row, column);
        if (v == null || v.kind() == Kind.ERROR) {
            return null;
        }
        String s = v.text().strip();
        return s.isEmpty() ? null : s;
    }

    /** A cell address as Excel prints it, e.g. "D12". */
    public static String address(int row, int column) {
        return new CellReference(row, column).formatAsString();
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }
}
