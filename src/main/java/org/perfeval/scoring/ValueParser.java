package org.perfeval.scoring;

import java.math.BigDecimal;

/**
 * Reads targets and actuals as they appear on real forms: "≥2次", "≤3000000", "=12个月", "100%",
 * "≥18台(套)", full-width signs and digits, thousands separators. A number is only taken from the
 * front of the text; anything else is text, never a guessed number.
 */
public final class ValueParser {

    private ValueParser() {
    }

    public static ParsedValue parse(String raw) {
        if (raw == null) {
            return new ParsedValue(null, null, null, null);
        }
        String trimmed = Texts.strip(raw);
        String s = normalize(trimmed);
        Operator operator = null;
        for (String code : new String[] {">=", "<=", ">", "<", "="}) {
            if (s.startsWith(code)) {
                operator = Operator.of(code);
                s = s.substring(code.length()).strip();
                break;
            }
        }
        int end = numberEnd(s);
        if (end == 0) {
            return new ParsedValue(operator, null, null, trimmed);
        }
        String digits = s.substring(0, end);
        if (digits.indexOf(',') >= 0) {
            digits = digits.replace(",", "");
        }
        try {
            BigDecimal number = new BigDecimal(digits);
            String unit = Texts.strip(s.substring(end));
            return new ParsedValue(operator, number, unit.isEmpty() ? null : unit, trimmed);
        } catch (NumberFormatException e) {
            return new ParsedValue(operator, null, null, trimmed);
        }
    }

    /**
     * Length of a leading number: optional sign, digits with optional thousands separators
     * (groups of exactly three), optional decimals. 0 when the text does not start with one.
     */
    private static int numberEnd(String s) {
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        if (i == digitsStart) {
            return 0;
        }
        while (i < s.length() && s.charAt(i) == ',' && allDigits(s, i + 1, i + 4)
                && (i + 4 == s.length() || !Character.isDigit(s.charAt(i + 4)))) {
            i += 4;
        }
        if (i < s.length() && s.charAt(i) == ',') {
            return 0;
        }
        if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
        }
        // "1e5", "2024年3月" and the like are not plain numbers with a unit.
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E' || Character.isDigit(s.charAt(i)))) {
            return 0;
        }
        return i;
    }

    /** Most values need no mapping: skip the copy. */
    private static boolean plain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\u2200' && (c <= '\u2AFF' || c == '\u3000' || c == '，' || c == '。' || (c >= '\uFF01' && c <= '\uFF5E'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Full-width forms to ASCII, Chinese comparison signs to ASCII operators. */
    public static String normalize(String raw) {
        if (plain(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '≥', '≧', '⩾' -> out.append(">=");
                case '≤', '≦', '⩽' -> out.append("<=");
                case '\u3000' -> out.append(' ');
                case '，' -> out.append(',');
                case '。' -> out.append('.');
                default -> out.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
            }
        }
        return out.toString();
    }
}
