package org.perfeval.shared;

import java.util.List;

/** Bad input, with every problem found: 400, and nothing is saved. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "输入有误" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String path, String message) {
        this(List.of(new FieldProblem(path, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
