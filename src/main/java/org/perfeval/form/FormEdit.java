package org.perfeval.form;

import java.util.List;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.shared.InvalidInputException;

/**
 * What the form page posts: the content at the version it was based on, where each indicator row
 * came from (or null), and the request's idempotency key (or null).
 */
public record FormEdit(int version, EvaluationForm content, List<Integer> rowOrigins, String requestKey) {

    public FormEdit {
        if (requestKey != null && !requestKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw new InvalidInputException("requestKey", "请求标识无效，请刷新页面后重试");
        }
    }

    public static FormEdit of(int version, EvaluationForm content) {
        return new FormEdit(version, content, null, null);
    }
}
