package org.perfeval.form;

import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormLimits;
import org.perfeval.exchange.Problem;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Refuses content that may not be saved at all ({@link FormLimits}), with every problem named. */
@Component
public class FormValidator {

    public void check(EvaluationForm form) {
        List<Problem> problems = FormLimits.check(form);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldProblem(p.path(), p.message())).toList());
        }
    }
}
