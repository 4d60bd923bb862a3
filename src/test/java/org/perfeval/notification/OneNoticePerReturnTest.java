package org.perfeval.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.approval.Decision;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** A return reaches the unit as one notice (【退回】 with the reason), not a second 【待办】 beside it. */
@PerfevalTest
class OneNoticePerReturnTest {
    @Autowired TestOrg testOrg;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired NotificationService notifications;

    @Test
    void aReturnMakesOneNoticeForTheUnitAndTheNextReviewStillGetsItsTask() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "一次通知项目");
        List<Notification> atOpening = forForm(w, form);
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null,
                "请补充偏差原因"));

        List<Notification> afterReturn = forForm(w, form);
        assertThat(afterReturn.size() - atOpening.size()).as("notices the return added").isEqualTo(1);
        assertThat(afterReturn).filteredOn(n -> !atOpening.contains(n)).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("【退回】").contains("请补充偏差原因"));

        // Resubmitted: the reviewers are told of the new task as before.
        int reviewerBefore = forForm(w.reviewer1(), form).size();
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        assertThat(forForm(w.reviewer1(), form)).hasSize(reviewerBefore + 1);
    }

    private List<Notification> forForm(TestOrg.World w, FormHeader form) {
        return forForm(w.staffA(), form);
    }

    private List<Notification> forForm(org.perfeval.shared.Actor actor, FormHeader form) {
        return notifications.list(actor).stream().filter(n -> form.getId().equals(n.formId())).toList();
    }
}
