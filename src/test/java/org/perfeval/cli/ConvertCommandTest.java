package org.perfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.excel.FormWorkbookTest;
import org.perfeval.exchange.excel.PrintedForms;
import org.perfeval.exchange.json.ExchangeJson;

/** {@code convert}: a sheet to exchange JSON, which {@code score} reads; {@code score} also reads the sheet itself. */
class ConvertCommandTest {
    static final Path FIXTURE = Path.of("..", "shared", "fixtures", "seed000-form1-medical-assistance.json");
    @TempDir Path dir;

    @Test
    void aProvincialSheetConvertsToTheFixturesJsonWhichScoresAsExpected() throws IOException {
        Assumptions.assumeTrue(Files.exists(FIXTURE), "../shared/fixtures is not beside the project");
        EvaluationForm fixture = ExchangeJson.readForm(Files.readString(FIXTURE));
        Path sheet = dir.resolve("去年的自评表.xlsx");
        Files.write(sheet, PrintedForms.anhuiProject(fixture, false, null));

        Run convert = run(ConvertCommand::run, sheet.toString());

        assertThat(convert.exit).as(convert.err).isZero();
        assertThat(convert.err).contains("项目支出绩效自评表");
        ObjectMapper json = new ObjectMapper();
        assertThat(FormWorkbookTest.normalized(json.readTree(convert.out)))
                .isEqualTo(FormWorkbookTest.normalized(json.readTree(Files.readString(FIXTURE))));

        Path converted = dir.resolve("converted.json");
        Files.writeString(converted, convert.out);
        Run fromJson = run(ScoreCommand::run, converted.toString());
        Run fromSheet = run(ScoreCommand::run, sheet.toString());
        assertThat(fromJson.exit).as(fromJson.err).isZero();
        assertThat(fromSheet.exit).as(fromSheet.err).isZero();
        JsonNode result = json.readTree(fromSheet.out);
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo("90");
        assertThat(result.get("grade").asText()).isEqualTo("优");
        assertThat(fromSheet.out).isEqualTo(fromJson.out);
    }

    @Test
    void theGuangdongScoringTableConvertsNamingTheCellsNotRead() throws IOException {
        Path sheet = dir.resolve("部门整体.xls");
        Files.write(sheet, PrintedForms.guangdongDepartment(PrintedForms.seed002(), true, null));
        Run convert = run(ConvertCommand::run, sheet.toString());
        assertThat(convert.exit).as(convert.err).isZero();
        assertThat(convert.err).contains("部门整体支出绩效自评指标评分表（广东）")
                .contains("未读取 I17 指标1：城乡居民基本医疗保险参保人数≥200万人：只印出指标值，未印出完成值");
        ObjectMapper json = new ObjectMapper();
        assertThat(FormWorkbookTest.normalized(json.readTree(convert.out)))
                .isEqualTo(FormWorkbookTest.normalized(json.readTree(ExchangeJson.writeForm(PrintedForms.seed002()))));
    }

    @Test
    void theXlsFormatConvertsToo() throws IOException {
        Assumptions.assumeTrue(Files.exists(FIXTURE), "../shared/fixtures is not beside the project");
        Path sheet = dir.resolve("old.xls");
        Files.write(sheet, PrintedForms.anhuiProject(ExchangeJson.readForm(Files.readString(FIXTURE)), true, null));
        Run convert = run(ConvertCommand::run, sheet.toString());
        assertThat(convert.exit).as(convert.err).isZero();
        assertThat(ExchangeJson.readForm(convert.out).getTitle()).isEqualTo("城乡医疗救助");
    }

    @Test
    void aSheetOfNoKnownLayoutIsRefusedWithItsHeadersAndExitCode2() throws IOException {
        Path sheet = dir.resolve("通讯录.xlsx");
        Files.write(sheet, PrintedForms.unrelated());
        Run convert = run(ConvertCommand::run, sheet.toString());
        assertThat(convert.exit).isEqualTo(2);
        assertThat(convert.out).isEmpty();
        assertThat(convert.err).contains("无法识别").contains("姓名").doesNotContain("Exception");
        assertThat(run(ConvertCommand::run).exit).isEqualTo(2);
        assertThat(run(ConvertCommand::run, dir.resolve("none.xlsx").toString()).err).contains("文件不存在");
    }

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
