package org.perfeval.scoring;

/** Blank and strip checks that skip the full scan in the common case (scoring is a hot path). */
final class Texts {

    private Texts() {
    }

    static boolean blank(String s) {
        return s == null || s.isEmpty() || (Character.isWhitespace(s.charAt(0)) && s.isBlank());
    }

    static String strip(String s) {
        if (s.isEmpty() || (!Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1)))) {
            return s;
        }
        return s.strip();
    }
}
