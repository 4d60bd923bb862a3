package org.perfeval.publication;

import org.perfeval.shared.NotFoundException;

/** A publication that was withdrawn: not found for the public, with the reason said. */
public class WithdrawnException extends NotFoundException {
    public WithdrawnException(String message) {
        super(message);
    }
}
