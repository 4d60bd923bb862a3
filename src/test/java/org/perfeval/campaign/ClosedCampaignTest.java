package org.perfeval.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.inbox.InboxItem;
import org.perfeval.inbox.InboxService;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.shared.ConflictException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

/** When a campaign is closed, its forms not yet submitted leave 待办, become read-only and say why. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ClosedCampaignTest {
    @Autowired TestOrg testOrg;
    @Autowired CampaignService campaigns;
    @Autowired InboxService inbox;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;
    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired org.perfeval.approval.FormCancellation cancellation;

    @Test
    void openFormsLeaveTheInboxBecomeReadOnlyAndSayWhy() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader draft = testOrg.openForm(w, "结束后的草稿");
        FormHeader submitted = testOrg.openForm(w, "结束前已提交");
        approval.submit(w.staffA(), submitted.getId(), formMapper.findHeader(submitted.getId()).getVersion(),
                Fixtures.clean());
        assertThat(inbox.inbox(w.staffA(), 0)).extracting(InboxItem::formId).contains(draft.getId());

        campaigns.close(w.admin(), draft.getCampaignId());

        assertThat(inbox.inbox(w.staffA(), 0)).extracting(InboxItem::formId).doesNotContain(draft.getId());
        // Submitted before the end: still reviewed.
        assertThat(inbox.inbox(w.reviewer1(), 0)).extracting(InboxItem::formId).contains(submitted.getId());
        FormHeader header = formMapper.findHeader(draft.getId());
        assertThat(forms.canEdit(w.staffA(), header)).isFalse();
        assertThatThrownBy(() -> forms.saveDraft(w.staffA(), draft.getId(), header.getVersion(), Fixtures.clean()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("评价任务已结束");
        String page = mvc.perform(get("/forms/" + draft.getId())
                        .with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"campaign-closed\"").contains("评价任务已结束")
                .doesNotContain("id=\"submit-form\"");

        // 补报: reopened by the administrator, the draft is back in the unit's 待办 though the campaign stays closed.
        cancellation.reopen(w.admin(), draft.getId(), "补报");
        assertThat(inbox.inbox(w.staffA(), 0)).extracting(InboxItem::formId).contains(draft.getId());
    }
}
