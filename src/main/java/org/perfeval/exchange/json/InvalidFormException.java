package org.perfeval.exchange.json;

import java.util.List;

import org.perfeval.exchange.Problem;

/** A form that could not be read, with every problem found and where it is. */
public class InvalidFormException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidFormException(List<Problem> problems) {
        super(problems.isEmpty() ? "不是有效的评价表" : problems.get(0).path() + "：" + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
