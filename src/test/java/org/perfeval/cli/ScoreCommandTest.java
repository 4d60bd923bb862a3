package org.perfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command-line scorer as the spec describes it, called in-process. */
class ScoreCommandTest {
    @TempDir Path dir;

    @Test
    void scoresEachFileOnOneLineAndReportsBadFilesWithExitCode2() throws IOException {
        Path good = Path.of("src/main/resources/demo/seed000-form2-resident-insurance.json");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"formType\": \"PROJECT\", \"indicators\": [{\"weight\": \"abc\"}]}");
        Run run = run(good.toString(), bad.toString(), good.toString());

        assertThat(run.exit).isEqualTo(2);
        String[] lines = run.out.strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode result = new ObjectMapper().readTree(lines[0]);
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(result.get("grade").asText()).isEqualTo("优");
        assertThat(result.get("indicators").get(0).has("formulaScore")).isTrue();
        assertThat(run.err.strip().split("\n")).hasSize(1);
        assertThat(run.err).contains("bad.json").contains("indicators[0].weight").contains("应为数字")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed          | {\"formType\": \"PROJECT\",                                   | 不是有效的 JSON",
            "wrong type         | {\"formType\": \"PROJECT\", \"budgetLines\": {}}             | budgetLines",
            "negative budget    | {\"formType\": \"PROJECT\", \"budgetLines\": [{\"role\": \"TOTAL\", \"annualBudget\": -5}]} | 不能为负数",
            "NaN                | {\"formType\": \"PROJECT\", \"claimedTotal\": NaN}             | 不是有效的 JSON",
            "NaN string         | {\"formType\": \"PROJECT\", \"claimedTotal\": \"NaN\"}         | claimedTotal",
            "huge               | {\"formType\": \"PROJECT\", \"claimedTotal\": 1e30}            | 数值过大",
            "unknown field      | {\"formType\": \"PROJECT\", \"weight\": 1}                     | 未知字段",
            "bad form type      | {\"formType\": \"OTHER\"}                                     | PROJECT 或 DEPARTMENT",
            "not an object      | [1, 2]                                                       | JSON 对象",
            "full-width digits  | {\"formType\": \"PROJECT\", \"claimedTotal\": \"９０\"}          | 半角数字",
    })
    void badInputNamesTheField(String name, String json, String expected) throws IOException {
        Path file = dir.resolve(name.replace(' ', '-') + ".json");
        Files.writeString(file, json);
        Run run = run(file.toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(expected).doesNotContain("Exception");
    }

    @Test
    void unknownRuleSetIsAFindingNotAFailure() throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, "{\"formType\": \"PROJECT\", \"ruleSet\": \"mars-2099\"}");
        Run run = run(file.toString());
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("UNKNOWN_RULE_SET");
    }

    @Test
    void missingFileAndNoArguments() {
        assertThat(run(dir.resolve("nope.json").toString()).err).contains("文件不存在");
        assertThat(run().exit).isEqualTo(2);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ScoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
