package org.perfeval.exchange.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.InvalidFormException;
import org.perfeval.support.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON → Excel → JSON gives the same form; exported sheets hold numbers as numbers and never a formula. */
public class FormWorkbookTest {
    static final Path FIXTURES = Path.of("..", "shared", "fixtures");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> fixtures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures is not beside the project");
        return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureRoundTripsThroughExcel(Path fixture) throws IOException {
        String original = Files.readString(fixture);
        EvaluationForm form = ExchangeJson.readForm(original);
        byte[] xlsx = new FormWorkbookWriter().write(form);
        EvaluationForm back = new FormWorkbookReader().read(xlsx);
        assertThat(normalized(JSON.readTree(ExchangeJson.writeForm(back))))
                .isEqualTo(normalized(JSON.readTree(original)));
    }

    @Test
    void noFormulaCellsAndNumbersAreNumeric() throws IOException {
        EvaluationForm form = Fixtures.read("example-liaoning-caps.json");
        form.getIndicators().get(0).setImprovement("=1+1");
        form.getIndicators().get(1).setImprovement("+cmd|' /C calc'!A0");
        form.getIndicators().get(2).setDeviationNote("-2");
        form.getIndicators().get(3).setName("@SUM(A1)");
        form.setGoal(new org.perfeval.exchange.Goal());
        form.getGoal().setExpected("𠮷野家 <script>alert(1)</script>");
        byte[] xlsx = new FormWorkbookWriter().write(form);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            int numeric = 0;
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.NUMERIC) {
                            numeric++;
                        }
                    }
                }
            }
            assertThat(numeric).isGreaterThanOrEqualTo(5 * 2 + 5);
            Sheet sheet = book.getSheet(SheetLabels.FORM_SHEET);
            Row budgetHeader = findRow(sheet, "资金名称");
            Cell annual = sheet.getRow(budgetHeader.getRowNum() + 1).getCell(5);
            assertThat(annual.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(annual.getNumericCellValue()).isEqualTo(50.0);
            Row indicatorHeader = findRow(sheet, "一级指标");
            Cell weight = sheet.getRow(indicatorHeader.getRowNum() + 1).getCell(8);
            assertThat(weight.getCellType()).isEqualTo(CellType.NUMERIC);
        }
        EvaluationForm back = new FormWorkbookReader().read(xlsx);
        assertThat(back.getIndicators().get(0).getImprovement()).isEqualTo("=1+1");
        assertThat(back.getIndicators().get(1).getImprovement()).isEqualTo("+cmd|' /C calc'!A0");
        assertThat(back.getIndicators().get(2).getDeviationNote()).isEqualTo("-2");
        assertThat(back.getIndicators().get(3).getName()).isEqualTo("@SUM(A1)");
        assertThat(back.getGoal().getExpected()).isEqualTo("𠮷野家 <script>alert(1)</script>");
    }

    @Test
    void importTakesNumbersTypedAsTextAndSurvivesInsertedRows() throws IOException {
        byte[] xlsx = new FormWorkbookWriter().write(Fixtures.read("example-department.json"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet(SheetLabels.FORM_SHEET);
            sheet.shiftRows(2, sheet.getLastRowNum(), 2);
            sheet.createRow(2).createCell(0).setCellValue("说明：本表由单位填写");
            Row header = findRow(sheet, "一级指标");
            sheet.getRow(header.getRowNum() + 1).getCell(8).setCellValue("15");
            EvaluationForm back = new FormWorkbookReader().read(bytes(book));
            assertThat(back.getIndicators().get(0).getWeight()).isEqualByComparingTo(new BigDecimal("15"));
            assertThat(back.getBudgetLines()).hasSize(2);
        }
    }

    @Test
    void campaignWorkbookHasASummaryAndOneSheetPerForm() throws IOException {
        List<CampaignWorkbookWriter.Entry> entries = List.of(
                new CampaignWorkbookWriter.Entry(Fixtures.read("example-department.json"), "甲单位", "已公开", new BigDecimal("95.125"), "优"),
                new CampaignWorkbookWriter.Entry(Fixtures.read("example-liaoning-caps.json"), "乙单位", "填报中", null, null),
                new CampaignWorkbookWriter.Entry(Fixtures.read("example-liaoning-caps.json"), "丙单位", "填报中", null, null));
        byte[] xlsx = new CampaignWorkbookWriter().write("2024年度评价", entries);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(book.getSheetName(0)).isEqualTo("汇总");
            assertThat(book.getSheetName(2)).isNotEqualTo(book.getSheetName(3));
            for (int i = 1; i < 4; i++) {
                assertThat(book.getSheetName(i).length()).isLessThanOrEqualTo(31);
            }
            Sheet summary = book.getSheet("汇总");
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("甲单位");
            assertThat(summary.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(95.125);
            assertThat(summary.getRow(4).getCell(1).getStringCellValue()).isEqualTo("丙单位");
        }
    }

    @Test
    void sheetNamesAreCleanedAndUnique() {
        java.util.Set<String> used = new java.util.HashSet<>();
        String a = CampaignWorkbookWriter.sheetName(1, "很长的项目名称[含有]非法:字符*?/\\以及超过三十一个字符的部分继续写下去", used);
        assertThat(a).hasSizeLessThanOrEqualTo(31).doesNotContain("[", "]", ":", "*", "?", "/", "\\");
    }

    static Row findRow(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && label.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    /** Excel cannot tell an empty string from an empty cell, nor 10 from 10.0: compare without those. */
    public static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = normalized(e.getValue());
                if (!(v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty()))) {
                    out.set(e.getKey(), v);
                }
            }
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(n -> out.add(normalized(n)));
            return out;
        }
        if (node.isNumber()) {
            return JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    @Test
    void notAnExcelFileIsRefusedWithAMessage() {
        assertThatThrownBy(() -> new FormWorkbookReader().read("hello".getBytes()))
                .isInstanceOf(InvalidFormException.class).hasMessageContaining("不是 Excel 文件");
    }
}
