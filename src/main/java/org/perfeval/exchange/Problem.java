package org.perfeval.exchange;

/** Something wrong with a form's input: where (e.g. indicators[2].weight) and a Chinese message naming the field. */
public record Problem(String path, String message) {
}
