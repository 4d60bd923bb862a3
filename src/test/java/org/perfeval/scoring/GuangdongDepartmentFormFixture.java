package org.perfeval.scoring;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;

/** A small department form with a composite row, for tests outside the scoring package. */
public final class GuangdongDepartmentFormFixture {

    private GuangdongDepartmentFormFixture() {
    }

    public static EvaluationForm form() {
        return ExchangeJson.readForm(org.perfeval.form.DepartmentFormRoundTripTest.FORM);
    }
}
