package org.perfeval.review;

import org.perfeval.approval.Decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.shared.Role;
import org.perfeval.shared.ConflictException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 20 reviewers of one department race to approve or return the same task, round after round
 * (-Dperfeval.race.rounds, 100 in .ci/run on MariaDB): one winner per round, the losers told so,
 * nothing written twice.
 */
@PerfevalTest
class ReviewRaceTest {
    static final int THREADS = 20;

    @Autowired TestOrg testOrg;
    @Autowired OrgAdminService org;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired org.perfeval.inbox.InboxMapper inbox;

    @Test
    void exactlyOneWinnerPerRound() throws Exception {
        int rounds = Integer.getInteger("perfeval.race.rounds", 15);
        TestOrg.World w = testOrg.create();
        List<Actor> reviewers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            reviewers.add(org.actorOf(org.createUser("race" + i + "-" + w.dept1().code(), "审核" + i, w.dept1(),
                    Role.SUPERVISOR_REVIEWER, TestOrg.PASSWORD)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int conflicts = 0;
        for (int round = 0; round < rounds; round++) {
            FormHeader form = testOrg.openForm(w, "竞争审核" + round);
            approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Actor reviewer = reviewers.get(t);
                boolean approve = t % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        reviews.decide(reviewer, form.getId(), approve
                                ? new ReviewInput(Decision.APPROVE, Map.of(), null, null)
                                : new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "退回"));
                        return "ok";
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Object> f : results) {
                Object r = f.get();
                if ("ok".equals(r)) {
                    winners++;
                } else {
                    assertThat(r).as("round " + round).isInstanceOf(ConflictException.class);
                    conflicts++;
                }
            }
            assertThat(winners).as("winners in round " + round).isEqualTo(1);
            assertThat(reviews.opinionsOf(form.getId())).hasSize(1);
            List<WorkflowRecord> decisions = forms.history(w.admin(), form.getId()).stream()
                    .filter(r -> r.action().equals("APPROVE") || r.action().equals("RETURN_TO_UNIT")).toList();
            assertThat(decisions).hasSize(1);
            FormStatus expected = reviews.opinionsOf(form.getId()).get(0).decision() == Decision.APPROVE
                    ? FormStatus.FINANCE_REVIEW : FormStatus.DRAFT;
            assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(expected);
            // The inbox projection followed the one winner.
            assertThat(inbox.findByForm(form.getId()).stage())
                    .isEqualTo(expected == FormStatus.DRAFT ? "Task_FillDraft" : "Task_FinanceReview");
        }
        pool.shutdown();
        System.out.println("review race: " + rounds + " rounds x " + THREADS + " threads, " + rounds + " winners, "
                + conflicts + " told 已被他人处理");
    }
}
