package org.perfeval.exchange.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A text longer than the parser reads is named as a text too long, with its field, not as broken JSON. */
class LongTextTest {

    @Test
    void aTextPastTheParsersGuardIsNamedByItsField() {
        String longText = "长".repeat(ExchangeJson.MAX_STRING_LENGTH + 1);
        InvalidFormException goal = catchThrowableOfType(InvalidFormException.class,
                () -> ExchangeJson.readForm("{\"goal\":{\"actual\":\"" + longText + "\"}}"));
        assertThat(goal.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("goal.actual");
            assertThat(p.message()).contains("「年度总体目标（实际完成情况）」过长").doesNotContain("不是有效的 JSON");
        });
        InvalidFormException row = catchThrowableOfType(InvalidFormException.class,
                () -> ExchangeJson.readForm("{\"indicators\":[{},{\"remark\":\"" + longText + "\"}]}"));
        assertThat(row.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("indicators[1].remark");
            assertThat(p.message()).contains("「备注」过长");
        });
    }
}
