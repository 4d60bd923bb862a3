package org.perfeval.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

/** A failing deadline alarm is retried, then becomes an incident that administrators see and can retry. */
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
    @Autowired org.perfeval.approval.Deadlines deadlines;
    @Autowired OverdueMapper overdueMapper;
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

        for (int attempt = 0; attempt < 4; attempt++) {
            deadlines.sweep();
        }
        // Three attempts, as the engine retried a job three times; then it waits for an administrator.
        verify(overdue, times(3)).markOverdue(argThat(o -> o.formId().equals(form.getId())));
        // The form itself is untouched: still waiting for the unit, and not marked.
        assertThat(formMapper.findHeader(form.getId()).getStatus().name()).isEqualTo("DRAFT");
        assertThat(overdueMapper.marksOf(form.getId())).isZero();

        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        String page = mvc.perform(get("/admin/incidents").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("通知服务不可用")))
                .andExpect(content().string(Matchers.containsString("填报 · 逾期标记")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/forms/" + form.getId());
        String alarm = page.substring(page.indexOf("/forms/" + form.getId()));
        java.util.regex.Matcher alarmId = java.util.regex.Pattern.compile("/admin/incidents/(alarm-\\d+)/retry").matcher(alarm);
        assertThat(alarmId.find()).isTrue();

        // Fixed: the retry gives one more attempt at the next sweep, which marks the form.
        doCallRealMethod().when(overdue).markOverdue(any());
        mvc.perform(post("/admin/incidents/" + alarmId.group(1) + "/retry").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        deadlines.sweep();
        assertThat(overdueMapper.marksOf(form.getId())).isEqualTo(1);
        mvc.perform(get("/admin/incidents").with(admin))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/forms/" + form.getId() + "\""))));
        // A retry of what is not waiting, or of no such alarm, is refused.
        mvc.perform(post("/admin/incidents/" + alarmId.group(1) + "/retry").with(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/incidents/alarm-x/retry").with(admin).with(csrf())).andExpect(status().isNotFound());
    }
}
