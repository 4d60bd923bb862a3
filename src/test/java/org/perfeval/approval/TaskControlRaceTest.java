package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.Role;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reviewers of one department race for one unclaimed task, round after round: some claim it, some
 * transfer it (转办) to a colleague, one delegates it, one decides it. Exactly one of them wins; the
 * others are told in Chinese (ConflictException), the history holds one step, and the inbox
 * projection names the engine's assignee.
 */
@PerfevalTest
class TaskControlRaceTest {
    static final int THREADS = 8;

    @Autowired TestOrg testOrg;
    @Autowired OrgAdminService org;
    @Autowired Approval approval;
    @Autowired TaskControl control;
    @Autowired ReviewService reviews;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inbox;
    @Autowired TaskService taskService;

    @Test
    void oneWinnerAmongClaimTransferDelegateAndDecide() throws Exception {
        int rounds = Integer.getInteger("perfeval.race.rounds", 8);
        TestOrg.World w = testOrg.create();
        List<Actor> racers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            racers.add(org.actorOf(org.createUser("tcrace" + i + "-" + w.dept1().code(), "竞争" + i, w.dept1(),
                    Role.SUPERVISOR_REVIEWER, TestOrg.PASSWORD)));
        }
        Actor target = w.reviewer1b();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < rounds; round++) {
                FormHeader form = testOrg.openForm(w, "任务竞争" + round);
                Long formId = form.getId();
                approval.submit(w.staffA(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Actor racer = racers.get(t);
                    Callable<Void> step = switch (t % 4) {
                        case 0 -> () -> { approval.claim(racer, formId); return null; };
                        case 1 -> () -> { control.transfer(racer, formId, target.id(), "竞争"); return null; };
                        case 2 -> () -> { control.delegate(racer, formId, target.id(), null); return null; };
                        default -> () -> { reviews.decide(racer, formId,
                                new ReviewInput(Decision.APPROVE, Map.of(), null, null)); return null; };
                    };
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            step.call();
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
                        assertThat(((Exception) r).getMessage()).as("a Chinese message").containsPattern("\\p{IsHan}");
                    }
                }
                assertThat(winners).as("winners in round " + round).isEqualTo(1);
                List<String> steps = forms.history(w.admin(), formId).stream().map(WorkflowRecord::action)
                        .filter(a -> List.of("CLAIM", "TRANSFER", "DELEGATE", "APPROVE").contains(a)).toList();
                assertThat(steps).as("history of round " + round).hasSize(1);
                Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(formId)).singleResult();
                assertThat(inbox.findByForm(formId).assignee()).isEqualTo(task.getAssignee());
                if (steps.get(0).equals("TRANSFER") || steps.get(0).equals("DELEGATE")) {
                    assertThat(task.getAssignee()).isEqualTo(target.username());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
