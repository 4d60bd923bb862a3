package org.perfeval.operations;

/** A start-up check that failed: what is wrong and what to do, in Chinese and in English. */
public class StartupCheckException extends RuntimeException {
    private final String action;

    public StartupCheckException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
