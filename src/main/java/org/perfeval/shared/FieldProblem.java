package org.perfeval.shared;

/** One thing wrong with the input: where (a path such as indicators[2].weight) and a Chinese message. */
public record FieldProblem(String path, String message) {
}
