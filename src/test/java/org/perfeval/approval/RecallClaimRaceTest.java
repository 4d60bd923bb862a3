package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ConflictException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A 二级单位 reviewer recalls their approval while the 主管部门's reviewer claims the form, round after
 * round (-Dperfeval.race.rounds). Both lock the form's row first: exactly one wins, the other is told
 * in Chinese, and the history shows the winner's step only.
 */
@PerfevalTest
@Import(TestTree.class)
class RecallClaimRaceTest {
    @Autowired TestTree testTree;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;

    @Test
    void recallAndTheNextLevelsClaimExcludeEachOther() throws Exception {
        int rounds = Integer.getInteger("perfeval.race.rounds", 10);
        TestTree.Deep t = testTree.create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int recalls = 0;
        for (int round = 0; round < rounds; round++) {
            FormHeader form = testTree.openForm(t, t.base1(), "撤回签收竞争" + round, true);
            approval.submit(t.staffBase1(), form.getId(), formMapper.findHeader(form.getId()).getVersion(),
                    Fixtures.clean());
            reviews.decide(t.secondReviewer(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
            CountDownLatch start = new CountDownLatch(1);
            Future<Object> recall = pool.submit(attempt(start, () -> approval.recall(t.secondReviewer(), form.getId())));
            Future<Object> claim = pool.submit(attempt(start, () -> approval.claim(t.deptReviewer(), form.getId())));
            start.countDown();
            Object recalled = recall.get();
            Object claimed = claim.get();

            Object loser = "ok".equals(recalled) ? claimed : recalled;
            assertThat(List.of(recalled, claimed)).as("round " + round).filteredOn("ok"::equals).hasSize(1);
            assertThat(loser).as("round " + round).isInstanceOf(ConflictException.class);
            assertThat(((ConflictException) loser).getMessage()).containsPattern("[\\u4e00-\\u9fa5]");

            List<String> steps = forms.history(t.admin(), form.getId()).stream().map(WorkflowRecord::action)
                    .filter(a -> a.equals("CLAIM") || a.equals("RECALL")).toList();
            OpenTask task = approval.openTask(form.getId());
            if ("ok".equals(recalled)) {
                recalls++;
                assertThat(steps).as("round " + round).containsExactly("RECALL");
                assertThat(task.candidateGroup()).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
                assertThat(task.assignee()).isEqualTo(t.secondReviewer().username());
            } else {
                assertThat(steps).as("round " + round).containsExactly("CLAIM");
                assertThat(task.candidateGroup()).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
                assertThat(task.assignee()).isEqualTo(t.deptReviewer().username());
            }
        }
        pool.shutdown();
        System.out.println("recall/claim race: " + rounds + " rounds, " + recalls + " recalls won");
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
