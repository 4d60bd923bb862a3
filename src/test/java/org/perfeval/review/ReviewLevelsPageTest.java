package org.perfeval.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.approval.Decision;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The review page's 退回至审核层级 choice and 撤回审批 button, through the web layer. */
@PerfevalTest
@Import(TestTree.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ReviewLevelsPageTest {
    @Autowired MockMvc mvc;
    @Autowired TestTree testTree;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired UserAccountService accounts;

    @Test
    void financeReturnsToAChosenLevelAndTheReviewerRecallsTheirApproval() throws Exception {
        TestTree.Deep t = testTree.create();
        FormHeader form = testTree.openForm(t, t.base1(), "页面层级项目", true);
        int version = formMapper.findHeader(form.getId()).getVersion();
        approval.submit(t.staffBase1(), form.getId(), version, Fixtures.clean());
        reviews.decide(t.secondReviewer(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));

        // The 二级单位's reviewer sees the recall button while the 主管部门 has not claimed the form.
        String page = body(mvc.perform(get("/forms/" + form.getId()).with(as(t.secondReviewer().username())))
                .andReturn().getResponse(), 200);
        assertThat(page).contains("id=\"recall-approval\"");
        MockHttpServletResponse recalled = mvc.perform(post("/forms/" + form.getId() + "/recall")
                .with(as(t.secondReviewer().username())).with(csrf())).andReturn().getResponse();
        assertThat(recalled.getStatus()).isEqualTo(302);
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup())
                .isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
        // Nothing left to recall: a clear Chinese refusal, not an error page.
        String again = body(mvc.perform(post("/forms/" + form.getId() + "/recall")
                .with(as(t.secondReviewer().username())).with(csrf())).andReturn().getResponse(), 409);
        assertThat(again).contains("没有可撤回的审批");

        reviews.decide(t.secondReviewer(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(t.deptReviewer(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));

        String financePage = body(mvc.perform(get("/forms/" + form.getId()).with(as(t.financeReviewer().username())))
                .andReturn().getResponse(), 200);
        assertThat(financePage).contains("value=\"RETURN_TO_LEVEL\"").contains("第 1 级：" + t.second().name())
                .contains("第 2 级：" + t.dept().name()).doesNotContain("value=\"RETURN_TO_SUPERVISOR\"");

        // A level outside the chain is refused beside the field, the form stays with 财政.
        String refused = body(mvc.perform(post("/forms/" + form.getId() + "/review")
                .with(as(t.financeReviewer().username())).with(csrf()).param("decision", "RETURN_TO_LEVEL")
                .param("returnLevel", "7").param("reason", "复核")).andReturn().getResponse(), 400);
        assertThat(refused).contains("请选择要退回的审核层级");
        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);

        MockHttpServletResponse returned = mvc.perform(post("/forms/" + form.getId() + "/review")
                .with(as(t.financeReviewer().username())).with(csrf()).param("decision", "RETURN_TO_LEVEL")
                .param("returnLevel", "0").param("reason", "请二级单位复核")).andReturn().getResponse();
        assertThat(returned.getStatus()).isEqualTo(302);
        assertThat(formMapper.findHeader(form.getId()).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup())
                .isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
    }

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private static String body(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
