package org.perfeval.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as Chinese users read them, in China's time zone. */
public final class Dates {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm").withZone(CHINA);

    private Dates() {
    }

    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }
}
