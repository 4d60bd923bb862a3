package org.perfeval.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

@PerfevalTest
class InboxServiceTest {
    @Autowired TestOrg testOrg;
    @Autowired InboxService inbox;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;

    @Test
    void filtersByCampaignStageAndOverdue() {
        TestOrg.World w = testOrg.create();
        FormHeader first = testOrg.openForm(w, "筛选一");
        FormHeader second = testOrg.openForm(w, "筛选二");
        approval.submit(w.staffA(), second.getId(), formMapper.findHeader(second.getId()).getVersion(), Fixtures.clean());

        List<Long> all = ids(inbox.inbox(w.staffA(), InboxFilter.none(), 0));
        assertThat(all).contains(first.getId()).doesNotContain(second.getId());
        assertThat(ids(inbox.inbox(w.staffA(), new InboxFilter(second.getCampaignId(), null, null, null), 0))).isEmpty();
        assertThat(ids(inbox.inbox(w.reviewer1(), new InboxFilter(null, null, "Task_SupervisorReview", null), 0)))
                .containsExactly(second.getId());
        // Deadlines are ten days out: nothing is overdue today, everything is in eleven days.
        assertThat(ids(inbox.inbox(w.staffA(), new InboxFilter(null, null, null, Instant.now()), 0))).isEmpty();
        assertThat(ids(inbox.inbox(w.staffA(),
                new InboxFilter(null, null, null, Instant.now().plus(11, ChronoUnit.DAYS)), 0))).contains(first.getId());
    }

    /** The unit filter offers the units the reviewer's open tasks come from, not every unit in sight. */
    @Test
    void theUnitFilterOffersTheUnitsWithOpenTasks() {
        TestOrg.World w = testOrg.create();
        FormHeader submitted = testOrg.openForm(w, "单位筛选");
        testOrg.openFormFor(w, w.unitB().id(), "单位筛选未提交");
        assertThat(inbox.unitsToFilterBy(w.reviewer1(), null)).as("nothing submitted yet").isEmpty();
        // A unit already chosen stays shown while it has nothing open, so the filter still says what it narrows to.
        assertThat(inbox.unitsToFilterBy(w.reviewer1(), w.unitA().id())).extracting(org.perfeval.organisation.OrgUnit::id)
                .containsExactly(w.unitA().id());
        approval.submit(w.staffA(), submitted.getId(), formMapper.findHeader(submitted.getId()).getVersion(), Fixtures.clean());

        assertThat(inbox.unitsToFilterBy(w.reviewer1(), null)).extracting(org.perfeval.organisation.OrgUnit::id)
                .containsExactly(w.unitA().id());
        // The finance group is everyone's (other tests' forms may be there): only this world's unit is checked.
        assertThat(inbox.unitsToFilterBy(w.finance(), null)).extracting(org.perfeval.organisation.OrgUnit::id)
                .as("not yet at finance").doesNotContain(w.unitA().id());
        // Another department's unit named in the address is not shown by name.
        assertThat(inbox.unitsToFilterBy(w.reviewer1(), w.unitB().id())).extracting(org.perfeval.organisation.OrgUnit::id)
                .containsExactly(w.unitA().id());
        assertThat(inbox.unitsToFilterBy(w.reviewer2(), w.unitA().id())).isEmpty();
    }

    @Test
    void doneListsWhatTheUserActedOn() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "已办项目");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));

        assertThat(inbox.done(w.staffA())).extracting(DoneItem::formId).containsExactly(form.getId());
        assertThat(inbox.done(w.reviewer1())).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(FormStatus.FINANCE_REVIEW));
        assertThat(inbox.done(w.staffB())).isEmpty();
    }

    private static List<Long> ids(List<InboxItem> items) {
        return items.stream().map(InboxItem::formId).toList();
    }
}
