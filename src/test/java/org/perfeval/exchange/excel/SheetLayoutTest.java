package org.perfeval.exchange.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.InvalidFormException;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.scoring.Finding;
import org.perfeval.scoring.ScoringResult;

/**
 * Each layout of forms/layouts/ against a workbook printed as the seed's form: it is recognised,
 * imports to the same exchange JSON as the fixture of that form (.xlsx and .xls), and scores to the
 * fixture's expected result. Also: an unknown column is reported and the rest imported; a sheet of no
 * known layout is refused with the headers found.
 */
class SheetLayoutTest {
    static final Path FIXTURES = Path.of("..", "shared", "fixtures");
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} as {1}, xls={2}")
    @CsvSource({
            "seed000-form1-medical-assistance, anhui-project, false",
            "seed000-form1-medical-assistance, anhui-project, true",
            "seed000-form2-resident-insurance, anhui-project, false",
            "seed000-form2-resident-insurance, anhui-project, true",
            "example-department, liaoning-department, false",
            "example-department, liaoning-department, true",
    })
    void aPrintedFormImportsAsItsFixtureAndScoresAsExpected(String fixture, String layout, boolean xls) throws IOException {
        EvaluationForm expected = fixture(fixture);
        byte[] printed = layout.equals("anhui-project") ? PrintedForms.anhuiProject(expected, xls, null)
                : PrintedForms.liaoningDepartment(expected, xls);

        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(printed));

        assertThat(result.layoutId()).isEqualTo(layout);
        assertThat(result.problems()).isEmpty();
        assertThat(result.unknownColumns()).isEmpty();
        EvaluationForm form = result.form();
        if (layout.equals("liaoning-department")) {
            // The department form prints no 主管部门: it comes from the campaign, as for every import.
            assertThat(form.getSupervisingDepartment()).isNull();
            form.setSupervisingDepartment(expected.getSupervisingDepartment());
        }
        assertThat(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(form))))
                .isEqualTo(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(expected))));
        assertScoresAsExpected(form, fixture);
        // Every value placed has the address it came from.
        assertThat(result.placements()).filteredOn(p -> p.status() == SheetImport.Status.PLACED)
                .allSatisfy(p -> assertThat(p.address()).matches("[A-Z]+\\d+"))
                .anySatisfy(p -> assertThat(p.path()).isEqualTo("indicators[0].name"));
    }

    /**
     * Seed 002 (Guangdong 部门整体支出绩效自评指标评分表) printed as its PDF has it imports to the
     * exchange JSON of the form as printed, and scores as {@code GuangdongDepartmentFormTest}: the
     * 支出率 row is the execution item (executed read from its 备注), 指标1 … 指标37 are each named as
     * not read, and so are the cells printed blank.
     */
    @ParameterizedTest(name = "xls={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void theGuangdongScoringTableImportsAsPrintedAndScoresAsTheSeed(boolean xls) throws IOException {
        EvaluationForm expected = PrintedForms.seed002();
        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(PrintedForms.guangdongDepartment(expected, xls, null)));

        assertThat(result.layoutId()).isEqualTo("guangdong-department");
        assertThat(result.problems()).isEmpty();
        assertThat(result.unknownColumns()).isEmpty();
        assertThat(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(result.form()))))
                .isEqualTo(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(expected))));
        ScoringResult score = Scorers.fromClasspath().score(result.form());
        assertThat(score.executionScore()).isEqualByComparingTo("10");
        assertThat(score.indicatorScore()).isEqualByComparingTo("79.02");
        assertThat(score.total()).isEqualByComparingTo("89.02");
        assertThat(score.grade()).isEqualTo("良");
        assertThat(score.findings()).extracting(Finding::code).containsExactlyInAnyOrder("TOTAL_MISMATCH", "MISSING_DEVIATION_REASON");

        assertThat(result.notRead()).filteredOn(n -> n.contains("只印出指标值，未印出完成值")).hasSize(37)
                .allSatisfy(n -> assertThat(n).matches("I\\d+ 指标\\d+：.*"))
                .anySatisfy(n -> assertThat(n).contains("指标1：城乡居民基本医疗保险参保人数≥200万人"))
                .anySatisfy(n -> assertThat(n).contains("指标37：对经办服务投诉率≤10%"));
        assertThat(result.notRead()).anySatisfy(n -> assertThat(n).matches("E\\d+ 三级指标未印出，记为“（三级指标名称未印出）”"))
                .anySatisfy(n -> assertThat(n).matches("J\\d+ 评分标准未印出，记为“（评分标准未印出）”"));
        assertThat(result.placements()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("budgetLines[0].executed");
            assertThat(p.address()).startsWith("L");
        });
    }

    @Test
    void aGuangdongSheetWithoutTheSpendingAmountNamesTheCellThatLacksIt() throws IOException {
        EvaluationForm expected = PrintedForms.seed002();
        expected.getBudgetLines().get(0).setExecuted(null);
        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(PrintedForms.guangdongDepartment(expected, false, null)));
        assertThat(result.form().getBudgetLines()).singleElement().satisfies(l -> {
            assertThat(l.getExecuted()).isNull();
            assertThat(l.getAnnualBudget()).isEqualByComparingTo("10698.8");
        });
        assertThat(result.placements()).filteredOn(p -> p.status() == SheetImport.Status.UNREADABLE).singleElement()
                .satisfies(p -> {
                    assertThat(p.address()).startsWith("L");
                    assertThat(p.path()).isEqualTo("budgetLines[0].executed");
                    assertThat(p.reason()).contains("未印出部门整体支出金额");
                });
        assertThat(result.notRead()).anySatisfy(n -> assertThat(n).startsWith("L").contains("未印出部门整体支出金额"));
    }

    /** The same table with a 全年完成值 column for the 指标N lines: they become the rows' sub-indicators and the rows score as composites. */
    @Test
    void aGuangdongSheetPrintingTheLinesCompletionImportsThemAsSubIndicators() throws IOException {
        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(PrintedForms.guangdongDepartment(
                PrintedForms.seed002(), false, null, PrintedForms.Guangdong.COMPLETION_COLUMN)));
        assertThat(result.problems()).isEmpty();
        assertThat(result.unknownColumns()).isEmpty();
        assertThat(result.notRead()).noneMatch(n -> n.contains("只印出指标值"));
        var output = result.form().getIndicators().get(0);
        assertThat(output.getName()).isEqualTo("产出指标完成情况");
        assertThat(output.getSubIndicators()).hasSize(30);
        assertThat(result.form().getIndicators().get(1).getSubIndicators()).hasSize(7);
        assertThat(output.getSubIndicators().get(0)).satisfies(s -> {
            assertThat(s.getName()).isEqualTo("城乡居民基本医疗保险参保人数");
            assertThat(s.getTarget()).isEqualTo("≥200万人");
            assertThat(s.getActual()).isEqualTo("200万人");
            assertThat(s.getRating()).isNull();
        });
        assertThat(output.getSubIndicators().get(11)).satisfies(s -> {
            assertThat(s.getName()).isEqualTo("病历专项抽查服务次数");
            assertThat(s.getTarget()).isEqualTo("4次/年");
        });
        assertThat(output.getSubIndicators().get(15)).satisfies(s -> {
            assertThat(s.getName()).isEqualTo("普遍开展门诊统筹");
            assertThat(s.getTarget()).isNull();
            assertThat(s.getRating()).isEqualTo("良");
        });
        assertThat(result.placements()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("indicators[0].subIndicators[0].actual");
            assertThat(p.address()).startsWith("M");
            assertThat(p.label()).isEqualTo("分项实际完成值");
        });
        ScoringResult score = Scorers.fromClasspath().score(result.form());
        assertThat(score.indicators().get(0).kind()).isEqualTo(org.perfeval.scoring.IndicatorKind.COMPOSITE);
        assertThat(score.indicators().get(0).subIndicators()).hasSize(30);
    }

    @Test
    void oneUnknownColumnIsReportedAndTheRestImported() throws IOException {
        EvaluationForm expected = fixture("seed000-form1-medical-assistance");
        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(PrintedForms.anhuiProject(expected, false, "联系人")));
        assertThat(result.layoutId()).isEqualTo("anhui-project");
        assertThat(result.unknownColumns()).singleElement().asString().contains("联系人").contains("J");
        assertThat(result.form().getIndicators()).hasSameSizeAs(expected.getIndicators());
        assertThat(result.placements()).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo(SheetImport.Status.IGNORED);
            assertThat(p.text()).isEqualTo("联系人");
        });
        assertThat(SheetImport.read(PrintedForms.anhuiProject(expected, false, "联系人")).getClaimedTotal())
                .isEqualByComparingTo("100");
    }

    @Test
    void theCorpusFormPrintsAndImportsCleanlySoItsBrokenVariantsFailForTheirOwnReason() {
        EvaluationForm clean = org.perfeval.support.Fixtures.clean();
        EvaluationForm back = SheetImport.read(PrintedForms.anhuiProject(clean, false, null));
        assertThat(back.getIndicators()).hasSameSizeAs(clean.getIndicators());
    }

    @Test
    void blocksShiftedDownAndRightAreFoundByTheirHeaders() throws IOException {
        EvaluationForm expected = fixture("seed000-form1-medical-assistance");
        byte[] printed = PrintedForms.anhuiProject(expected, false, null);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(printed));
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.getSheetAt(0);
            sheet.shiftRows(0, sheet.getLastRowNum(), 3);
            sheet.shiftColumns(0, 12, 2);
            book.write(out);
            SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(out.toByteArray()));
            assertThat(result.problems()).isEmpty();
            assertThat(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(result.form()))))
                    .isEqualTo(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(expected))));
            assertThat(result.placements()).anySatisfy(p -> {
                assertThat(p.path()).isEqualTo("indicators[0].name");
                assertThat(p.address()).startsWith("F");
            });
        }
    }

    @Test
    void aWorkbookOfManyFormsYieldsEachOneBySheetAndByBlock() throws IOException {
        EvaluationForm form1 = fixture("seed000-form1-medical-assistance");
        EvaluationForm form2 = fixture("seed000-form2-resident-insurance");
        EvaluationForm department = fixture("example-department");
        Map<String, List<byte[]>> sheets = new LinkedHashMap<>();
        // Seed 000 prints its two forms one below the other, as here.
        sheets.put("烈山区医保局", List.of(PrintedForms.anhuiProject(form1, false, null), PrintedForms.anhuiProject(form2, false, null)));
        sheets.put("辽宁部门", List.of(PrintedForms.liaoningDepartment(department, false)));
        byte[] workbook = PrintedForms.workbook(sheets);

        SheetImport.Campaign read = SheetImport.recogniseAll(WorkbookCells.read(workbook));

        assertThat(read.forms()).as(read.toString()).allSatisfy(r -> assertThat(r.form()).isNotNull());
        assertThat(read.forms()).extracting(r -> r.form().getTitle())
                .containsExactly("城乡医疗救助", "城乡居民基本医疗保险", "示例市医疗保障事务服务中心");
        assertThat(read.forms()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(read.forms().get(1).sheetName()).contains("烈山区医保局").contains("第 2 张");
        assertThat(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(read.forms().get(1).form()))))
                .isEqualTo(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(form2))));
        assertThat(read.unrecognisedSheets()).containsExactly("说明");

        // The product's own whole-campaign export reads back form by form.
        byte[] exported = new CampaignWorkbookWriter().write("任务", List.of(
                new CampaignWorkbookWriter.Entry(form1, "烈山区医保局", "填报中", null, null),
                new CampaignWorkbookWriter.Entry(department, "示例中心", "填报中", null, null)));
        SheetImport.Campaign back = SheetImport.recogniseAll(WorkbookCells.read(exported));
        assertThat(back.forms()).extracting(SheetImport.Result::layoutId).containsExactly("perfeval-export", "perfeval-export");
        assertThat(back.forms().get(1).form().getUnit()).isEqualTo(department.getUnit());
    }

    @Test
    void aHeaderRowRepeatedOnTheNextPrintedPageIsSkipped() throws IOException {
        EvaluationForm expected = fixture("seed000-form1-medical-assistance");
        byte[] printed = PrintedForms.anhuiProject(expected, false, null);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(printed));
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.getSheetAt(0);
            int header = -1;
            for (var row : sheet) {
                var cell = row.getCell(3);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().equals("三级指标")) {
                    header = row.getRowNum();
                }
            }
            // A page break after the fourth indicator: the header printed again.
            int at = header + 5;
            sheet.shiftRows(at, sheet.getLastRowNum(), 1);
            var repeated = sheet.createRow(at);
            String[] heads = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"};
            for (int i = 0; i < heads.length; i++) {
                repeated.createCell(i + 1).setCellValue(heads[i]);
            }
            book.write(out);
            SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(out.toByteArray()));
            assertThat(result.problems()).isEmpty();
            assertThat(result.form().getIndicators()).extracting(i -> i.getName())
                    .containsExactlyElementsOf(expected.getIndicators().stream().map(i -> i.getName()).toList());
            assertThat(result.placements()).anySatisfy(p -> assertThat(p.reason()).isEqualTo("重复的表头行"));
        }
    }

    @Test
    void aSheetOfNoKnownLayoutIsRefusedWithTheHeadersFound() {
        assertThatThrownBy(() -> SheetImport.read(PrintedForms.unrelated())).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("无法识别").hasMessageContaining("姓名").hasMessageContaining("电话")
                .hasMessageContaining("A1");
    }

    @Test
    void theProductsOwnExportIsStillReadByTheCatalogue() throws IOException {
        EvaluationForm expected = fixture("example-department");
        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(new FormWorkbookWriter().write(expected)));
        assertThat(result.layoutId()).isEqualTo("perfeval-export");
        assertThat(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(result.form()))))
                .isEqualTo(FormWorkbookTest.normalized(JSON.readTree(ExchangeJson.writeForm(expected))));
    }

    @Test
    void everyLayoutFileLoadsAndNamesWhatItReproduces() {
        assertThat(SheetLayout.all()).extracting(SheetLayout::id)
                .contains("perfeval-export", "anhui-project", "liaoning-department", "guangdong-department");
        assertThat(SheetLayout.all()).allSatisfy(l -> assertThat(l.reproduces()).isNotBlank());
    }

    static EvaluationForm fixture(String name) throws IOException {
        Path file = FIXTURES.resolve(name + ".json");
        Assumptions.assumeTrue(Files.exists(file), "../shared/fixtures is not beside the project");
        return ExchangeJson.readForm(Files.readString(file));
    }

    static void assertScoresAsExpected(EvaluationForm form, String fixture) throws IOException {
        JsonNode expected = JSON.readTree(FIXTURES.resolve(fixture + ".expected.json").toFile());
        ScoringResult result = Scorers.fromClasspath().score(form);
        assertThat(result.total()).isCloseTo(expected.get("total").decimalValue(),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        assertThat(result.grade()).isEqualTo(expected.get("grade").asText());
        Set<String> codes = new TreeSet<>();
        expected.get("findingCodes").forEach(c -> codes.add(c.asText()));
        Set<String> actual = result.findings().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as(result.findings().toString()).isEqualTo(codes);
    }
}
