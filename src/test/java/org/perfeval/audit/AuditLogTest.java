package org.perfeval.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

/** Actions, logins and denials leave audit entries; an action that rolls back leaves none. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class AuditLogTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired AuditLog audit;
    @Autowired UserAccountService accounts;

    @Test
    void businessActionsAreAuditedWithWhoAndWhat() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "审计测试");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        approval.claim(w.reviewer1(), form.getId());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "补材料"));
        try {
            reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, ""));
        } catch (RuntimeException refused) {
            // refused: not at the reviewer's stage any more, and no reason
        }
        List<AuditEntry> entries = audit.search(null, null, String.valueOf(form.getId()), null, 100).stream()
                .filter(e -> "form".equals(e.objectType())).toList();
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("RETURN", "CLAIM", "SUBMIT");
        assertThat(entries).extracting(AuditEntry::actorName).containsExactly("一审核", "一审核", "甲填报");
        assertThat(entries.get(2).unitName()).isEqualTo(w.unitA().name());
    }

    @Test
    void refusedInputLeavesNoEntry() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "审计回滚");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        try {
            reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, " "));
        } catch (InvalidInputException expected) {
            // no reason given
        }
        assertThat(audit.search("RETURN", null, String.valueOf(form.getId()), null, 10)).isEmpty();
    }

    @Test
    void loginsAndDenialsAreAudited() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "审计越权");
        mvc.perform(formLogin("/login").user(w.staffB().username()).password("wrong"));
        mvc.perform(formLogin("/login").user(w.staffB().username()).password(TestOrg.PASSWORD));
        mvc.perform(get("/forms/" + form.getId()).with(user(accounts.loadUserByUsername(w.staffB().username()))));

        assertThat(audit.search("LOGIN_FAILURE", null, w.staffB().username(), null, 10)).hasSize(1);
        assertThat(audit.search("LOGIN_SUCCESS", null, w.staffB().username(), null, 10)).singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo(w.staffB().displayName()));
        List<AuditEntry> denied = audit.search("PERMISSION_DENIED", null, "GET /forms/" + form.getId(), null, 10);
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).objectId()).isEqualTo("GET /forms/" + form.getId());
        assertThat(denied.get(0).clientAddress()).isEqualTo("127.0.0.1");
    }
}
