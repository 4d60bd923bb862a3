package org.perfeval.exchange.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .contains("perfeval-export", "anhui-project", "liaoning-department");
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
