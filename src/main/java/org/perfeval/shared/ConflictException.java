package org.perfeval.shared;

/** Someone else changed or handled it first, or it is in the wrong state: 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
