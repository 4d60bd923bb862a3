package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.excel.FormWorkbookReader;
import org.perfeval.exchange.excel.FormWorkbookTest;
import org.perfeval.exchange.excel.FormWorkbookWriter;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Through the database: each fixture is imported from JSON, stored, exported to Excel, imported
 * from that Excel, stored again and exported to JSON: the content is what it was, 4-byte
 * characters included (utf8mb4 on MariaDB).
 */
@PerfevalTest
class StoredRoundTripTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Fields the campaign fixes when a form is stored (its type, year, title, unit, rule set). */
    static final List<String> FIXED = List.of("formType", "year", "title", "unit", "supervisingDepartment", "ruleSet");

    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;
    @Autowired FormStore store;

    @Test
    void fixturesSurviveJsonDatabaseExcelDatabaseJson() throws IOException {
        Path dir = Path.of("..", "shared", "fixtures");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/fixtures is not beside the project");
        TestOrg.World w = testOrg.create();
        List<Path> fixtures = Files.list(dir).filter(p -> p.toString().endsWith(".json")
                && !p.toString().endsWith(".expected.json")).sorted().toList();
        assertThat(fixtures).isNotEmpty();
        for (Path fixture : fixtures) {
            String original = Files.readString(fixture).replace("\"unit\"", "\"unit\"")
                    .replaceFirst("\"moneyUnit\": \"万元\"", "\"moneyUnit\": \"万元𠮷\"");
            FormHeader form = testOrg.openForm(w, "往返 " + fixture.getFileName());
            EvaluationForm imported = ExchangeJson.readForm(original);
            forms.importDraft(w.staffA(), form.getId(), version(form), imported, "JSON");
            byte[] xlsx = new FormWorkbookWriter().write(store.content(form.getId()));
            forms.importDraft(w.staffA(), form.getId(), version(form), new FormWorkbookReader().read(xlsx), "Excel");
            String back = ExchangeJson.writeForm(store.content(form.getId()));
            assertThat(content(JSON.readTree(back))).as(fixture.getFileName().toString())
                    .isEqualTo(content(JSON.readTree(original)));
        }
    }

    private int version(FormHeader form) {
        return formMapper.findHeader(form.getId()).getVersion();
    }

    private static JsonNode content(JsonNode node) {
        ObjectNode copy = (ObjectNode) FormWorkbookTest.normalized(node);
        FIXED.forEach(copy::remove);
        return copy;
    }
}
