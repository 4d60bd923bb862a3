package org.perfeval.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/** A failing background job is retried, then becomes an incident that administrators see and can retry. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class IncidentTest {
    @Autowired TestOrg testOrg;
    @Autowired CampaignService campaigns;
    @Autowired FormMapper formMapper;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @MockitoSpyBean OverdueService overdue;

    @AfterEach
    void realAgain() {
        doCallRealMethod().when(overdue).markOverdue(any());
    }

    @Test
    void retriedThenAnIncidentForAdministrators() throws Exception {
        TestOrg.World w = testOrg.create();
        NewCampaign c = TestOrg.projectCampaign("故障测试");
        c.fillDue = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Long id = campaigns.create(w.admin(), c).id();
        campaigns.open(w.admin(), id, List.of(new FormAssignment(w.unitA().id(), "故障项目")));
        FormHeader form = formMapper.findByCampaign(id).get(0);
        doThrow(new IllegalStateException("通知服务不可用")).when(overdue).markOverdue(any());

        Job job = management.createJobQuery().processInstanceId(form.getProcessInstanceId())
                .activityId("Timer_FillOverdue").singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        }
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(form.getProcessInstanceId()).count()).isEqualTo(1);
        // The form itself is untouched: still waiting for the unit.
        assertThat(formMapper.findHeader(form.getId()).getStatus().name()).isEqualTo("DRAFT");

        mvc.perform(get("/admin/incidents").with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andExpect(content().string(Matchers.containsString("通知服务不可用")))
                .andExpect(content().string(Matchers.containsString("Timer_FillOverdue")));
    }
}
