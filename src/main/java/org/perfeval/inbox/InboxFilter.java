package org.perfeval.inbox;

import java.time.Instant;

/** Optional narrowing of an inbox: by campaign, unit, stage (BPMN task id) or overdue as of a time. */
public record InboxFilter(Long campaignId, Long unitId, String stage, Instant overdueAt) {

    public static InboxFilter none() {
        return new InboxFilter(null, null, null, null);
    }
}
