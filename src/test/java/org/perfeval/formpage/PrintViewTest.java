package org.perfeval.formpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.approval.Decision;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The print view for each role: the form, its scores, opinions, history and signature lines, or 404. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class PrintViewTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;

    @Test
    void everyoneWhoMaySeeTheFormPrintsItOthersGetNotFound() throws Exception {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        FormHeader draft = testOrg.openForm(w, "打印草稿" + s);
        FormHeader reviewed = testOrg.openForm(w, "打印已审" + s);
        approval.submit(w.staffA(), reviewed.getId(), formMapper.findHeader(reviewed.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), reviewed.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("改进预算项目管理", "加强绩效监控" + s), "同意上报" + s, null));

        for (Actor who : new Actor[] {w.staffA(), w.reviewer1(), w.finance(), w.admin()}) {
            String page = print(who, reviewed.getId(), 200).getContentAsString();
            assertThat(page).as(who.username()).contains("打印已审" + s)
                    .contains("id=\"print-signatures\"").contains("填报人").contains("单位负责人").contains("审核人")
                    .contains("加强绩效监控" + s).contains("同意上报" + s)
                    .contains("审核通过").contains("css/print.css")
                    .contains(Fixtures.clean().getIndicators().get(0).getName());
            assertThat(print(who, draft.getId(), 200).getContentAsString()).contains("打印草稿" + s).contains("试算");
        }
        for (Actor stranger : new Actor[] {w.staffB(), w.reviewer2()}) {
            assertThat(print(stranger, reviewed.getId(), 404).getContentAsString()).doesNotContain("打印已审" + s);
            print(stranger, draft.getId(), 404);
        }
        assertThat(mvc.perform(get("/forms/" + reviewed.getId() + "/print")).andReturn().getResponse().getStatus())
                .isBetween(300, 399);
        // The form page offers the print view.
        String formPage = mvc.perform(get("/forms/" + reviewed.getId())
                .with(user(accounts.loadUserByUsername(w.reviewer1().username())))).andReturn().getResponse().getContentAsString();
        assertThat(formPage).contains("/forms/" + reviewed.getId() + "/print");
    }

    private MockHttpServletResponse print(Actor who, Long formId, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/forms/" + formId + "/print")
                .with(user(accounts.loadUserByUsername(who.username())))).andReturn().getResponse();
        assertThat(r.getStatus()).as(who.username() + " form " + formId).isEqualTo(status);
        return r;
    }
}
