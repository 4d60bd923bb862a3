package org.perfeval.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.approval.Approval;
import org.perfeval.approval.OpenTask;
import org.perfeval.form.FormStatus;
import org.perfeval.shared.Actor;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ConflictException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** After a random run of starts, completions, returns, withdrawals and deletions the projection equals the engine. */
@PerfevalTest
class InboxProjectionConsistencyTest {
    @Autowired TestOrg testOrg;
    @Autowired CampaignService campaigns;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired Approval formProcess;

    @Test
    void projectionNeverDriftsFromTheEngine() {
        TestOrg.World w = testOrg.create();
        NewCampaign c = TestOrg.projectCampaign("一致性测试");
        Long campaignId = campaigns.create(w.admin(), c).id();
        List<FormAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            assignments.add(new FormAssignment(i % 2 == 0 ? w.unitA().id() : w.unitB().id(), "项目" + i));
        }
        campaigns.open(w.admin(), campaignId, assignments);
        List<FormHeader> opened = formMapper.findByCampaign(campaignId);
        Random random = new Random(20241124L);
        int deleted = 0;
        for (int step = 0; step < 150; step++) {
            FormHeader form = opened.get(random.nextInt(opened.size()));
            try {
                act(w, formMapper.findHeader(form.getId()), random);
            } catch (ConflictException expected) {
                // e.g. withdrawing a claimed form: refused, and nothing may have changed.
            }
            if (step % 50 == 49 && deleted < 2) {
                runtimeService.deleteProcessInstance(form.getProcessInstanceId(), "test deletion");
                deleted++;
            }
        }
        Set<String> engine = taskService.createTaskQuery().processInstanceBusinessKeyIn(
                        opened.stream().map(f -> String.valueOf(f.getId())).toArray(String[]::new)).list()
                .stream().map(this::describe).collect(Collectors.toSet());
        Set<Long> ids = opened.stream().map(FormHeader::getId).collect(Collectors.toSet());
        Set<String> projection = inboxMapper.findAll().stream().filter(t -> ids.contains(t.formId()))
                .map(t -> t.taskId() + "|" + t.formId() + "|" + t.stage() + "|" + t.candidateGroup() + "|" + t.assignee())
                .collect(Collectors.toSet());
        assertThat(engine).hasSizeGreaterThanOrEqualTo(3);
        assertThat(projection).isEqualTo(engine);

        // The services find a form's open task through the projection: the same task as the engine's.
        for (FormHeader form : opened) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(form.getId()))
                    .singleResult();
            OpenTask open = formProcess.openTask(form.getId());
            assertThat(open == null ? null : java.util.Arrays.asList(open.id(), open.taskKey(), open.assignee(),
                    open.processDefinitionId(), open.dueAt()))
                    .isEqualTo(task == null ? null : java.util.Arrays.asList(task.getId(), task.getTaskDefinitionKey(),
                            task.getAssignee(), task.getProcessDefinitionId(),
                            task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        }
    }

    private void act(TestOrg.World w, FormHeader form, Random random) {
        Actor staff = form.getUnitId().equals(w.unitA().id()) ? w.staffA() : w.staffB();
        Actor supervisor = form.getUnitId().equals(w.unitA().id()) ? w.reviewer1() : w.reviewer2();
        FormStatus status = form.getStatus();
        int roll = random.nextInt(4);
        switch (status) {
            case DRAFT -> approval.submit(staff, form.getId(), form.getVersion(),
                    roll == 0 ? Fixtures.withErrors() : Fixtures.clean());
            case SUPERVISOR_REVIEW -> {
                if (roll == 0) {
                    approval.withdraw(staff, form.getId());
                } else if (roll == 1) {
                    approval.claim(supervisor, form.getId());
                } else {
                    reviews.decide(supervisor, form.getId(), roll == 2
                            ? new ReviewInput(Decision.APPROVE, Map.of(), null, null)
                            : new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "退回"));
                }
            }
            case FINANCE_REVIEW -> {
                Decision d = Decision.values()[roll % 3];
                reviews.decide(w.finance(), form.getId(), new ReviewInput(d, Map.of(), null, "原因"));
            }
            default -> { }
        }
    }

    private String describe(Task task) {
        String group = taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElse(null);
        return task.getId() + "|" + runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()
                + "|" + task.getTaskDefinitionKey() + "|" + group + "|" + task.getAssignee();
    }
}
