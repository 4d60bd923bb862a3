package org.perfeval.shared;

/** The user may see the thing but not do this to it: 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
