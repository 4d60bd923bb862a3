package org.perfeval.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.approval.TaskControl;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.ReviewerDirectory;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The task controls as pages: what each reviewer is offered, and bad input told beside its field. */
@PerfevalTest
@AutoConfigureMockMvc
class TaskControlPagesTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired UserAccountService accounts;
    @Autowired Approval approval;
    @Autowired TaskControl control;
    @Autowired OrgAdminService org;
    @Autowired ReviewerDirectory directory;

    @Test
    void eachReviewerSeesTheControlsThatAreTheirs() throws Exception {
        TestOrg.World w = testOrg.create();
        Actor lead = org.actorOf(org.createUser("plead-" + w.dept1().code(), "页面牵头", w.dept1(),
                Role.SUPERVISOR_REVIEWER, TestOrg.PASSWORD));
        directory.setLead(w.admin(), lead.id(), true);
        Long formId = testOrg.openForm(w, "办理页面测试").getId();
        approval.submit(w.staffA(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
        approval.claim(w.reviewer1(), formId);
        control.consult(w.reviewer1(), formId, List.of(w.reviewer2().id()), "请看指标设置");

        String claimant = page(w.reviewer1(), "/forms/" + formId);
        assertThat(claimant).contains("id=\"release\"", "id=\"transfer-task\"", "id=\"delegate-task\"", "id=\"consult\"",
                "请看指标设置", "尚有 1 条征求意见未回复").doesNotContain("id=\"reassign-task\"");
        String colleague = page(w.reviewer1b(), "/forms/" + formId);
        assertThat(colleague).doesNotContain("id=\"release\"", "id=\"transfer-task\"", "id=\"reassign-task\"");
        assertThat(page(lead, "/forms/" + formId)).contains("id=\"reassign-task\"").doesNotContain("id=\"release\"");
        assertThat(page(w.admin(), "/forms/" + formId)).contains("id=\"reassign-task\"");
        // The asked expert of another department: reads the form, answers, nothing else.
        String expert = page(w.reviewer2(), "/forms/" + formId);
        assertThat(expert).contains("consultation-answer").doesNotContain("id=\"decide\"", "id=\"claim\"",
                "id=\"transfer-task\"");
        assertThat(page(w.reviewer2(), "/consultations")).contains("办理页面测试", "待回复");
        assertThat(page(w.reviewer1(), "/tasks")).contains("取消签收");

        // Bad input: back on the form page with the message beside the field and the text kept.
        MockHttpSession session = new MockHttpSession();
        MvcResult bad = mvc.perform(post("/forms/" + formId + "/transfer").session(session).with(csrf())
                        .with(user(accounts.loadUserByUsername(w.reviewer1().username())))
                        .param("to", String.valueOf(w.reviewer2().id())).param("reason", "我要休假"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + formId + "#task-controls");
        String again = mvc.perform(get("/forms/" + formId).session(session)
                        .flashAttrs(bad.getFlashMap())
                        .with(user(accounts.loadUserByUsername(w.reviewer1().username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("只能转办给本环节", "我要休假");
        // A refusal is a Chinese page, not a 500.
        String refused = mvc.perform(post("/forms/" + formId + "/release").with(csrf())
                        .with(user(accounts.loadUserByUsername(w.reviewer1b().username()))))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("只有签收人本人可以取消签收");
    }

    private String page(Actor actor, String path) throws Exception {
        return mvc.perform(get(path).with(user(accounts.loadUserByUsername(actor.username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
