package org.perfeval.scoring;

/** ERROR blocks submission; WARNING is shown but does not. */
public enum Severity {
    ERROR, WARNING
}
