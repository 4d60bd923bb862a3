package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
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
import org.perfeval.shared.ConflictException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A unit withdraws its submission while a reviewer claims it, round after round
 * (-Dperfeval.race.rounds, 100 in .ci/run on MariaDB). Both steps lock the form's row first, so
 * exactly one of them wins; the other is told in Chinese, and the history never shows a claim
 * followed by a withdrawal.
 */
@PerfevalTest
class ClaimWithdrawRaceTest {
    @Autowired TestOrg testOrg;
    @Autowired Approval approval;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;

    @Test
    void claimAndWithdrawExcludeEachOther() throws Exception {
        int rounds = Integer.getInteger("perfeval.race.rounds", 15);
        TestOrg.World w = testOrg.create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int claims = 0;
        int withdrawals = 0;
        for (int round = 0; round < rounds; round++) {
            FormHeader form = testOrg.openForm(w, "签收撤回竞争" + round);
            approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
            CountDownLatch start = new CountDownLatch(1);
            Future<Object> claim = pool.submit(attempt(start, () -> approval.claim(w.reviewer1(), form.getId())));
            Future<Object> withdraw = pool.submit(attempt(start, () -> approval.withdraw(w.staffA(), form.getId())));
            start.countDown();
            Object claimed = claim.get();
            Object withdrawn = withdraw.get();

            assertThat(List.of(claimed, withdrawn)).as("round " + round).filteredOn("ok"::equals).hasSize(1);
            Object loser = "ok".equals(claimed) ? withdrawn : claimed;
            assertThat(loser).as("round " + round).isInstanceOf(ConflictException.class);
            assertThat(((ConflictException) loser).getMessage()).containsPattern("[\\u4e00-\\u9fa5]");

            List<String> actions = forms.history(w.admin(), form.getId()).stream().map(WorkflowRecord::action)
                    .filter(a -> a.equals("CLAIM") || a.equals("WITHDRAW")).toList();
            FormStatus status = formMapper.findHeader(form.getId()).getStatus();
            if ("ok".equals(claimed)) {
                claims++;
                assertThat(actions).as("round " + round).containsExactly("CLAIM");
                assertThat(status).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
                assertThat(approval.openTask(form.getId()).assignee()).isEqualTo(w.reviewer1().username());
            } else {
                withdrawals++;
                assertThat(actions).as("round " + round).containsExactly("WITHDRAW");
                assertThat(status).isEqualTo(FormStatus.DRAFT);
                assertThat(approval.openTask(form.getId()).stage()).isEqualTo(Stage.FILL);
            }
        }
        pool.shutdown();
        System.out.println("claim/withdraw race: " + rounds + " rounds, " + claims + " claims won, " + withdrawals
                + " withdrawals won");
    }

    private static Callable<Object> attempt(CountDownLatch start, Runnable step) {
        return () -> {
            start.await();
            try {
                step.run();
                return "ok";
            } catch (RuntimeException e) {
                return e;
            }
        };
    }
}
