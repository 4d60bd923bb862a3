package org.perfeval.shared;

/**
 * What a user typed as a LIKE pattern, with % and _ taken literally: backslash is the default LIKE
 * escape of both H2 (MySQL mode) and MariaDB, so the statements need no ESCAPE clause.
 */
public final class Like {

    private Like() {
    }

    /** The typed text anywhere: 张_三 finds “张_三”, not “张三三”. */
    public static String containing(String typed) {
        return "%" + literal(typed) + "%";
    }

    /** The typed text at the start. */
    public static String startingWith(String typed) {
        return literal(typed) + "%";
    }

    private static String literal(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
