package org.perfeval.web;

import java.math.BigDecimal;
import java.util.List;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Posts a form the way the form page does: one parameter per field. */
public final class FormParams {
    private FormParams() {
    }

    static void addAll(MockHttpServletRequestBuilder request, EvaluationForm form) {
        pairs(form).forEach(p -> request.param(p[0], p[1]));
    }

    /** The same fields as name/value pairs, for a plain HTTP client. */
    public static List<String[]> pairs(EvaluationForm form) {
        List<String[]> request = new java.util.ArrayList<>();
        List<BudgetLine> lines = form.getBudgetLines();
        for (int i = 0; i < lines.size(); i++) {
            BudgetLine l = lines.get(i);
            String p = "budgetLines[" + i + "].";
            put(request, p + "name", l.getName());
            put(request, p + "role", l.getRole() == null ? null : l.getRole().name());
            put(request, p + "initialBudget", l.getInitialBudget());
            put(request, p + "annualBudget", l.getAnnualBudget());
            put(request, p + "executed", l.getExecuted());
            put(request, p + "statedRate", l.getStatedRate());
            put(request, p + "weight", l.getWeight());
            put(request, p + "claimedScore", l.getClaimedScore());
        }
        List<Indicator> indicators = form.getIndicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            String p = "indicators[" + i + "].";
            put(request, p + "category", ind.getCategory());
            put(request, p + "subcategory", ind.getSubcategory());
            put(request, p + "name", ind.getName());
            put(request, p + "operator", ind.getOperator());
            put(request, p + "target", ind.getTarget());
            put(request, p + "actual", ind.getActual());
            put(request, p + "weight", ind.getWeight());
            put(request, p + "claimedScore", ind.getClaimedScore());
        }
        put(request, "claimedTotal", form.getClaimedTotal());
        return request;
    }

    private static void put(List<String[]> request, String name, Object value) {
        if (value != null) {
            request.add(new String[] {name, value instanceof BigDecimal d ? d.toPlainString() : value.toString()});
        }
    }
}
