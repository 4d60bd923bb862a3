package org.perfeval.shared;

/** The thing does not exist, or the user may not know that it exists: both answer 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
