package org.perfeval.review;

import org.perfeval.approval.Decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** Two reviewers of one department deciding the same task at the same moment. */
@PerfevalTest
class ConcurrentReviewTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;

    @Test
    void exactlyOneOfTwoSimultaneousDecisionsWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestOrg.World w = testOrg.create();
            FormHeader form = testOrg.openForm(w, "并发审核" + round);
            approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());

            List<Object> outcomes = race(
                    decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null)),
                    decide(w.reviewer1b(), form.getId(),
                            new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "请补充佐证材料")));

            assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1)
                    .allSatisfy(e -> assertThat(((ConflictException) e).getMessage()).containsAnyOf("已被他人处理", "其他审核人"));
            List<ReviewOpinion> opinions = reviews.opinionsOf(form.getId());
            assertThat(opinions).hasSize(1);
            List<WorkflowRecord> decisions = forms.history(w.admin(), form.getId()).stream()
                    .filter(r -> r.action().equals("APPROVE") || r.action().equals("RETURN_TO_UNIT")).toList();
            assertThat(decisions).hasSize(1);
            FormStatus expected = opinions.get(0).decision() == Decision.APPROVE
                    ? FormStatus.FINANCE_REVIEW : FormStatus.DRAFT;
            assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(expected);
        }
    }

    private Callable<Object> decide(Actor actor, Long formId, ReviewInput input) {
        return () -> {
            reviews.decide(actor, formId, input);
            return "ok";
        };
    }

    @SafeVarargs
    private static List<Object> race(Callable<Object>... calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return call.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            try {
                results.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                results.add(e.getCause());
            }
        }
        pool.shutdown();
        return results;
    }
}
