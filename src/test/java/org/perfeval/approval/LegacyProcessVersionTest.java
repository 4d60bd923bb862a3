package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A form whose process was started under version 1 of the BPMN (groups from the variables unitId
 * and supervisingUnitId, routing flags stored) runs to publication under the current code, after
 * the current version has been deployed over it.
 */
@PerfevalTest
class LegacyProcessVersionTest {
    @Autowired ProcessEngine engine;
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired org.perfeval.campaign.CampaignService campaigns;
    @Autowired Deadlines deadlines;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void versionOneInstanceRunsToPublication() throws IOException {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "旧版流程项目");
        RuntimeService runtime = engine.getRuntimeService();
        String pid = restartUnder("legacy/self-evaluation-v1.bpmn.xml", form.getId(),
                Map.of("unitId", w.unitA().id(), "supervisingUnitId", w.dept1().id()));
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup()).isEqualTo("unit-" + w.unitA().id());

        submit(w, form);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "请补充"));
        assertThat(runtime.getVariable(pid, "decision")).as("version 1 keeps its stored flag").isEqualTo("RETURN_TO_UNIT");
        submit(w, form);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup()).isEqualTo("finance");
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));

        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.PUBLISHED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    }

    /**
     * Version 2 (one fixed 主管部门 stage, transient flags, no review chain) still runs to its end once
     * version 3 is deployed: the department is read from the form, a 财政 return goes to the 主管部门.
     */
    @Test
    void versionTwoInstanceRunsToPublication() throws IOException {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "第二版流程项目");
        RuntimeService runtime = engine.getRuntimeService();
        String pid = restartUnder("legacy/self-evaluation-v2.bpmn.xml", form.getId(), Map.of());

        submit(w, form);
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup()).isEqualTo("dept-" + w.dept1().id());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.RETURN_TO_SUPERVISOR, Map.of(), null, "复核"));
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup()).isEqualTo("dept-" + w.dept1().id());
        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));

        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.PUBLISHED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid).count())
                .as("version 2 keeps no variables").isZero();
    }

    @Test
    void versionThreeInstanceKeepsItsTimersAndIsMarkedOverdueOnce() throws IOException {
        TestOrg.World w = testOrg.create();
        org.perfeval.campaign.NewCampaign c = TestOrg.projectCampaign("第三版流程逾期");
        c.fillDue = java.time.Instant.now().minus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Long campaignId = campaigns.create(w.admin(), c).id();
        campaigns.open(w.admin(), campaignId, java.util.List.of(new org.perfeval.campaign.FormAssignment(w.unitA().id(), "第三版流程项目")));
        FormHeader form = formMapper.findByCampaign(campaignId).get(0);
        String pid = restartUnder("legacy/self-evaluation-v3.bpmn.xml", form.getId(), Map.of());

        org.camunda.bpm.engine.ManagementService management = engine.getManagementService();
        org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(pid)
                .activityId("Timer_FillOverdue").singleResult();
        assertThat(timer).as("version 3 still has its timers").isNotNull();
        // A new deadline moves the timer with the task.
        java.time.Instant later = c.fillDue.plus(java.time.Duration.ofHours(1));
        assertThat(campaigns.changeDeadlines(w.admin(), campaignId, later, c.supervisorDue, c.financeDue)).isEqualTo(1);
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate().toInstant())
                .isEqualTo(later);
        management.executeJob(timer.getId());
        deadlines.sweep();
        // The timer and the sweep raise the same 逾期; it is marked and told once.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM overdue_mark WHERE form_id = ?", Integer.class, form.getId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE form_id = ? AND kind = 'OVERDUE'"
                + " AND recipient_id = ?", Integer.class, form.getId(), w.staffA().id())).isEqualTo(1);

        submit(w, form);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.PUBLISHED);
        assertThat(management.createJobQuery().processInstanceId(pid).count()).isZero();
    }

    @Test
    void versionFourInstanceIsWithdrawnByItsMessageAndVersionFiveByDecision() throws IOException {
        TestOrg.World w = testOrg.create();
        Long campaignId = campaigns.create(w.admin(), TestOrg.projectCampaign("第四版流程撤回")).id();
        campaigns.open(w.admin(), campaignId, java.util.List.of(
                new org.perfeval.campaign.FormAssignment(w.unitA().id(), "第四版流程项目"),
                new org.perfeval.campaign.FormAssignment(w.unitA().id(), "第五版流程项目")));
        java.util.List<FormHeader> forms = formMapper.findByCampaign(campaignId);
        FormHeader old = forms.get(0);
        FormHeader current = forms.get(1);
        RuntimeService runtime = engine.getRuntimeService();
        String oldPid = restartUnder("legacy/self-evaluation-v4.bpmn.xml", old.getId(), Map.of());

        submit(w, old);
        submit(w, current);
        String currentPid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(current.getId()))
                .singleResult().getId();
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(oldPid).count())
                .as("version 4's review task waits for the withdraw message").isEqualTo(1);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(currentPid).count())
                .as("version 5's review task has no boundary event").isZero();

        approval.withdraw(w.staffA(), old.getId());
        approval.withdraw(w.staffA(), current.getId());
        for (FormHeader form : java.util.List.of(old, current)) {
            assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.DRAFT);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(form.getId()))
                    .singleResult().getTaskDefinitionKey()).isEqualTo("Task_FillDraft");
        }
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(oldPid)
                .activityId("BoundaryEvent_Withdraw").count()).isEqualTo(1);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(oldPid).count()).isZero();
        // Both go round again to the end.
        submit(w, old);
        reviews.decide(w.reviewer1(), old.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(w.finance(), old.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        assertThat(formMapper.findHeader(old.getId()).getStatus()).isEqualTo(FormStatus.PUBLISHED);
    }

    private void submit(TestOrg.World w, FormHeader form) {
        int version = formMapper.findHeader(form.getId()).getVersion();
        assertThat(approval.submit(w.staffA(), form.getId(), version, Fixtures.clean()).accepted()).isTrue();
    }

    /**
     * The form's process as an older version started it: that version is deployed, then the current one
     * again (what new forms start), and the form's running instance is replaced by one of the old version.
     */
    private String restartUnder(String legacyResource, Long formId, Map<String, Object> variables) throws IOException {
        String legacy = deploy(legacyResource);
        deploy("bpmn/self-evaluation.bpmn");
        RuntimeService runtime = engine.getRuntimeService();
        String key = String.valueOf(formId);
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .singleResult().getId(), "test: the form's process as " + legacyResource + " started it");
        return runtime.startProcessInstanceById(legacy, key, variables).getId();
    }

    /** Deploys a copy of the process; the last one deployed is what new forms start. */
    private String deploy(String resource) throws IOException {
        RepositoryService repository = engine.getRepositoryService();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Deployment deployment = repository.createDeployment().name("test " + resource)
                    .addInputStream("self-evaluation.bpmn", in).deploy();
            return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId();
        }
    }
}
