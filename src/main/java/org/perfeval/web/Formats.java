package org.perfeval.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.perfeval.shared.Numbers;
import org.springframework.stereotype.Component;

/** Chinese date and number formats for the templates: ${@fmt.date(x)}. */
@Component("fmt")
public class Formats {
    private static final ZoneId CHINA = org.perfeval.shared.Dates.CHINA;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日").withZone(CHINA);

    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    public String dateTime(Date at) {
        return at == null ? "" : DATE_TIME.format(at.toInstant());
    }

    public String date(Instant at) {
        return at == null ? "" : DATE.format(at);
    }

    /** yyyy-MM-dd in China's time zone, for date inputs. */
    public String isoDate(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(CHINA).format(at);
    }

    public String num(BigDecimal value) {
        return Numbers.twoDecimals(value);
    }

    /** Plain value for an input box: no trailing zeros, no exponent. */
    public String input(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public String percent(BigDecimal rate) {
        return rate == null ? "" : Numbers.twoDecimals(rate.multiply(BigDecimal.valueOf(100))) + "%";
    }

    public boolean overdue(Date due) {
        return due != null && overdue(due.toInstant());
    }

    public boolean overdue(Instant due) {
        return due != null && due.isBefore(Instant.now());
    }

    /** A target as the form shows it: "≥95%", never ">=95%" (the operator may be chosen apart from the text). */
    public String target(String operator, String target) {
        return org.perfeval.scoring.Operator.readable(operator, target);
    }

    /** An operator code (">=") as its symbol (≥). */
    public String operator(String code) {
        org.perfeval.scoring.Operator op = org.perfeval.scoring.Operator.of(code);
        return op == null ? code : op.symbol();
    }
}
