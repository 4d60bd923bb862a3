package org.perfeval.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.Scorers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every transcribed form in ../shared/fixtures scores as its *.expected.json says. */
class FixtureScoringTest {
    static final Path FIXTURES = Path.of("..", "shared", "fixtures");
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Scorer SCORER = Scorers.fromClasspath();

    static Stream<Path> fixtures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures is not beside the project");
        return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void scoresAsExpected(Path fixture) throws IOException {
        EvaluationForm form = JSON.readValue(fixture.toFile(), EvaluationForm.class);
        JsonNode expected = JSON.readTree(fixture.resolveSibling(
                fixture.getFileName().toString().replace(".json", ".expected.json")).toFile());

        ScoringResult result = SCORER.score(form);

        assertThat(result.total()).isCloseTo(expected.get("total").decimalValue(),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        assertThat(result.deduction()).isCloseTo(expected.get("deduction").decimalValue(),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        assertThat(result.grade()).isEqualTo(expected.get("grade").asText());
        Set<String> codes = new TreeSet<>();
        expected.get("findingCodes").forEach(c -> codes.add(c.asText()));
        Set<String> actual = result.findings().stream().map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as(result.findings().toString()).isEqualTo(codes);
    }
}
