package org.perfeval.evidence;

import org.perfeval.shared.Actor;

/**
 * Who may see or change the files of a 整改事项: decided by the follow-up module, which implements
 * this (it sits above evidence and uses it; evidence never calls up into it).
 */
public interface FollowUpAccess {

    /** Refuses (not found) unless the actor may see the item. */
    void requireVisible(Actor actor, Long followUpId);

    /** Refuses unless the actor may report on the item (attach or remove its files). */
    void requireReportable(Actor actor, Long followUpId);
}
