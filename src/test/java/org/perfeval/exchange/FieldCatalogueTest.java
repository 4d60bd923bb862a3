package org.perfeval.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.json.ExchangeJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The catalogue lists each field once, under the exchange JSON name that the writer writes. */
class FieldCatalogueTest {

    @Test
    void pathsAndSheetHeadingsAreUniquePerRowType() {
        for (List<? extends FieldCatalogue.Field<?>> fields : List.of(FieldCatalogue.FORM, FieldCatalogue.BUDGET_LINE,
                FieldCatalogue.INDICATOR)) {
            assertThat(fields.stream().map(FieldCatalogue.Field::path)).doesNotHaveDuplicates();
            assertThat(fields.stream().map(FieldCatalogue.Field::sheetLabel).filter(java.util.Objects::nonNull))
                    .doesNotHaveDuplicates();
            assertThat(fields).allSatisfy(f -> assertThat(f.label()).matches(".*\\p{IsHan}.*"));
        }
    }

    @Test
    void everyPathIsAFieldOfTheExchangeJson() throws Exception {
        EvaluationForm form = new EvaluationForm();
        BudgetLine line = new BudgetLine();
        Indicator row = new Indicator();
        for (FieldCatalogue.Field<BudgetLine> f : FieldCatalogue.BUDGET_LINE) {
            f.set(line, sample(f));
        }
        for (FieldCatalogue.Field<Indicator> f : FieldCatalogue.INDICATOR) {
            f.set(row, sample(f));
        }
        form.setBudgetLines(List.of(line));
        form.setIndicators(List.of(row));
        JsonNode json = new ObjectMapper().readTree(ExchangeJson.writeForm(form));
        for (FieldCatalogue.Field<BudgetLine> f : FieldCatalogue.BUDGET_LINE) {
            assertThat(json.at("/budgetLines/0/" + f.path().replace('.', '/')).isMissingNode()).as(f.path()).isFalse();
        }
        for (FieldCatalogue.Field<Indicator> f : FieldCatalogue.INDICATOR) {
            assertThat(json.at("/indicators/0/" + f.path().replace('.', '/')).isMissingNode()).as(f.path()).isFalse();
        }
        assertThat(FieldCatalogue.label("indicators.deviationReasons.funding")).isEqualTo("经费保障");
        assertThat(FieldCatalogue.label("budgetLines.executed")).isEqualTo("全年执行数");
    }

    private static Object sample(FieldCatalogue.Field<?> f) {
        return switch (f.kind()) {
            case TEXT, TEXT_OR_NUMBER -> "x";
            case CODE -> f.path().equals("role") ? "ITEM" : ">=";
            case NUMBER_LIST -> List.of(BigDecimal.ONE);
            default -> BigDecimal.ONE;
        };
    }
}
