package org.perfeval.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read that joins the caller's transaction if there is one and otherwise runs without starting
 * one. The database runs READ COMMITTED, where a transaction gives a reader no steadier view than
 * single statements do, while starting and ending one costs three extra round trips per read (they
 * were three quarters of the statements of the inbox page). The reads of one call still share one
 * connection.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public @interface ReadOnly {
}
