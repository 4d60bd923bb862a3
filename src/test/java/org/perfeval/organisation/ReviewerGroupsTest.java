package org.perfeval.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfeval.shared.Actor;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A task's group read by its own rows: the reviewers who work from it, enabled, and no one else. */
@PerfevalTest
class ReviewerGroupsTest {
    @Autowired TestOrg testOrg;
    @Autowired ReviewerDirectory reviewers;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccessPolicy accessPolicy;

    @Test
    void aGroupsMembersAreItsEnabledReviewersOnly() {
        TestOrg.World w = testOrg.create();
        String dept1 = AccessPolicy.departmentGroup(w.dept1().id());
        assertThat(reviewers.membersOf(dept1)).extracting(AppUser::id)
                .containsExactly(w.reviewer1().id(), w.reviewer1b().id());
        assertThat(reviewers.membersOf(AccessPolicy.FINANCE_GROUP)).extracting(AppUser::id)
                .contains(w.finance().id()).doesNotContain(w.reviewer1().id(), w.admin().id());
        assertThat(reviewers.membersOf(AccessPolicy.unitGroup(w.unitA().id()))).as("a unit's staff review nothing").isEmpty();
        assertThat(reviewers.membersOf("dept-x")).isEmpty();
        assertThat(reviewers.membersOf(null)).isEmpty();

        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE id = ?", w.reviewer1b().id());
        assertThat(reviewers.membersOf(dept1)).extracting(AppUser::id).containsExactly(w.reviewer1().id());
        // Every group a reviewer works from finds that reviewer again: the two directions agree.
        for (Actor a : new Actor[] {w.reviewer1(), w.reviewer2(), w.finance()}) {
            assertThat(reviewers.membersOf(accessPolicy.candidateGroups(a).get(0)))
                    .extracting(AppUser::id).contains(a.id());
        }
    }
}
