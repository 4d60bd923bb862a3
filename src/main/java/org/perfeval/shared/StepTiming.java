package org.perfeval.shared;

/**
 * When the work of the current thread began (a web request, set by the request filter; otherwise
 * the moment asked), so that a workflow step's log line can say how long it took.
 */
public final class StepTiming {
    private static final ThreadLocal<Long> START = new ThreadLocal<>();

    private StepTiming() {
    }

    public static void begin() {
        START.set(System.nanoTime());
    }

    public static void end() {
        START.remove();
    }

    /** Nanos when the current request began, or {@code fallback} outside a request. */
    public static long startedOr(long fallback) {
        Long start = START.get();
        return start == null ? fallback : start;
    }
}
