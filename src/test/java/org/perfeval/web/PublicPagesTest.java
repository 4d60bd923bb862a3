package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStore;
import org.perfeval.publication.PublicationService;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** What the public can and cannot reach, and that what it reads is frozen and escaped. */
@PerfevalTest
@AutoConfigureMockMvc
class PublicPagesTest {
    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired FormStore formStore;
    @Autowired PublicationService publication;

    @Test
    void publishedFormIsPublicFrozenAndEscaped() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "公开测试项目");
        EvaluationForm content = Fixtures.clean();
        content.getGoal().setExpected(XSS);
        content.getIndicators().get(0).setName("指标" + XSS);
        content.getIndicators().get(0).setImprovement(XSS);
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), content);
        mvc.perform(get("/public/forms/" + form.getId())).andExpect(status().isNotFound());

        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null,
                "内部退回原因不公开"));
        mvc.perform(get("/public/forms/" + form.getId())).andExpect(status().isNotFound());
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), content);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("建议继续全额安排", XSS), "同意", null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意公开", null));

        String page = mvc.perform(get("/public/forms/" + form.getId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公开测试项目")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(not(containsString("内部退回原因不公开"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("建议继续全额安排");
        boolean font = org.perfeval.publication.CjkFont.find(org.perfeval.publication.CjkFont.DEFAULT_PATHS) != null;
        // The list offers the PDF before anyone has asked for it (it is made on the first request), or says why not.
        String list = mvc.perform(get("/public").param("q", "公开测试")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        if (font) {
            assertThat(list).contains("/public/forms/" + form.getId() + "/pdf").doesNotContain("id=\"no-pdf\"");
        } else {
            assertThat(list).contains("id=\"no-pdf\"").contains("中文字体");
        }
        if (font) {
            byte[] first = mvc.perform(get("/public/forms/" + form.getId() + "/pdf"))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Content-Type", "application/pdf"))
                    .andReturn().getResponse().getContentAsByteArray();
            byte[] second = mvc.perform(get("/public/forms/" + form.getId() + "/pdf")).andReturn().getResponse()
                    .getContentAsByteArray();
            assertThat(second).isEqualTo(first);
            assertThat(publication.publishedForm(form.getId()).record().pdfSha256())
                    .isEqualTo(org.perfeval.publication.PublishedPdfs.sha256(first));
        }
        mvc.perform(get("/public").param("q", "公开测试"))
                .andExpect(content().string(containsString("公开测试项目")));

        // Frozen: a later change to the stored form does not reach the public page.
        EvaluationForm changed = formStore.content(form.getId());
        changed.getGoal().setExpected("公开后被改动的内容");
        formStore.save(form.getId(), formMapper.findHeader(form.getId()).getVersion(), changed);
        mvc.perform(get("/public/forms/" + form.getId()))
                .andExpect(content().string(not(containsString("公开后被改动的内容"))));

        assertThatThrownBy(() -> publication.unpublish(w.finance(), form.getId(), "x"))
                .isInstanceOf(ForbiddenException.class);
        publication.unpublish(w.admin(), form.getId(), "数据有误，更正后重新公开");
        mvc.perform(get("/public/forms/" + form.getId()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("数据有误，更正后重新公开")));
        mvc.perform(get("/public")).andExpect(content().string(containsString("已撤回公开")));
    }

    @Test
    void aCampaignChoosesWhichReviewersOpinionsArePublic() throws Exception {
        TestOrg.World w = testOrg.create();
        org.perfeval.campaign.NewCampaign c = new org.perfeval.campaign.NewCampaign();
        c.name = "只公开财政意见";
        c.fiscalYear = 2024;
        c.formType = org.perfeval.exchange.FormType.PROJECT;
        c.publicOpinions = "FINANCE";
        Long id = campaigns.create(w.admin(), c).id();
        campaigns.open(w.admin(), id, java.util.List.of(new org.perfeval.campaign.FormAssignment(w.unitA().id(), "意见公开项目")));
        FormHeader form = formMapper.findByCampaign(id).get(0);
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of("规范财政资金管理", "主管部门的话"), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", "财政部门的话"), null, null));
        mvc.perform(get("/public/forms/" + form.getId()))
                .andExpect(content().string(containsString("财政部门的话")))
                .andExpect(content().string(not(containsString("主管部门的话"))));
    }

    @Autowired org.perfeval.campaign.CampaignService campaigns;
}
