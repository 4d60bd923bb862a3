package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The pages and endpoints of the form flow through HTTP, with security switched on. */
@PerfevalTest
@AutoConfigureMockMvc
class FormPagesTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired UserAccountService accounts;
    @Autowired ObjectMapper objectMapper;

    TestOrg.World w;
    FormHeader form;

    @BeforeEach
    void setUp() {
        w = testOrg.create();
        form = testOrg.openForm(w, "页面测试项目");
    }

    @Test
    void anonymousIsSentToLoginAndLoginWorks() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(w.staffA().username()).password(TestOrg.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user(w.staffA().username()).password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void fiveFailuresLockTheAccountWithAChineseMessage() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(w.staffB().username()).password("wrong"));
        }
        mvc.perform(formLogin("/login").user(w.staffB().username()).password(TestOrg.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login?locked")).andExpect(content().string(containsString("已被锁定")));
    }

    @Test
    void ownFormShowsForeignFormIsNotFound() throws Exception {
        mvc.perform(as(get("/forms/" + form.getId()), w.staffA()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面测试项目")))
                .andExpect(content().string(containsString("保存草稿")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(as(get("/forms/" + form.getId()), w.staffB()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("不存在或您无权查看")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(as(get("/forms/" + form.getId()), w.reviewer2())).andExpect(status().isNotFound());
        mvc.perform(get("/public/forms/" + form.getId())).andExpect(status().isNotFound());
    }

    @Test
    void stateChangesNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/forms/" + form.getId()).with(user(principal(w.staffA())))
                        .param("version", "0").param("action", "save"))
                .andExpect(status().isForbidden());
    }

    @Test
    void badNumberIsRefusedWithTheFieldNamedAndInputKept() throws Exception {
        FormHeader before = formMapper.findHeader(form.getId());
        mvc.perform(as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                        .param("version", String.valueOf(before.getVersion())).param("action", "save")
                        .param("indicators[0].name", "培训场次").param("indicators[0].weight", "十分")
                        .param("indicators[0].operator", "<=").param("indicators[0].deviationNote", "原因<说明>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("指标第 1 行「分值」应为数字")))
                .andExpect(content().string(containsString("value=\"十分\"")))
                .andExpect(content().string(containsString("value=\"培训场次\"")))
                .andExpect(content().string(containsString("selected=\"selected\">≤")))
                .andExpect(content().string(containsString(">原因&lt;说明&gt;</textarea>")));
        assertThat(formMapper.findHeader(form.getId()).getVersion()).isEqualTo(before.getVersion());
    }

    @Test
    void everyRefusedNumberComesBackAsTypedInItsField() throws Exception {
        FormHeader before = formMapper.findHeader(form.getId());
        mvc.perform(as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                        .param("version", String.valueOf(before.getVersion())).param("action", "save")
                        .param("budgetLines[0].name", "资金").param("budgetLines[0].role", "TOTAL")
                        .param("budgetLines[0].initialBudget", "一百").param("budgetLines[0].executed", "12.5")
                        .param("claimedTotal", "九十").param("claimedGrade", "良"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("资金第 1 行「年初预算数」应为数字")))
                .andExpect(content().string(containsString(
                        "id=\"budgetLines0.initialBudget\" name=\"budgetLines[0].initialBudget\" value=\"一百\"")))
                .andExpect(content().string(containsString(
                        "id=\"budgetLines0.executed\" name=\"budgetLines[0].executed\" value=\"12.5\"")))
                .andExpect(content().string(containsString("id=\"claimedTotal\" name=\"claimedTotal\" value=\"九十\"")))
                .andExpect(content().string(containsString("<option value=\"TOTAL\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"良\" selected=\"selected\">")));
    }

    @Test
    void staleVersionIsAConflictAndInputIsKept() throws Exception {
        FormHeader before = formMapper.findHeader(form.getId());
        mvc.perform(as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                        .param("version", String.valueOf(before.getVersion())).param("action", "save")
                        .param("goal.expected", "第一次保存"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                        .param("version", String.valueOf(before.getVersion())).param("action", "save")
                        .param("goal.expected", "第二个人的内容"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被他人修改")))
                .andExpect(content().string(containsString("第二个人的内容")));
    }

    @Test
    void previewScoresAnUnsavedFormAndRejectsBadJson() throws Exception {
        String json = objectMapper.writeValueAsString(Fixtures.clean());
        mvc.perform(as(post("/forms/" + form.getId() + "/preview"), w.staffA()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(97.5))
                .andExpect(jsonPath("$.grade").value("优"));
        mvc.perform(as(post("/forms/" + form.getId() + "/preview"), w.staffA()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content("{\"indicators\": [{\"weight\": \"abc\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].path").value("indicators[0].weight"));
        mvc.perform(as(post("/forms/" + form.getId() + "/preview"), w.staffB()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isNotFound());
    }

    @Test
    void previewScoresTheLargestFormThePageMaySave() throws Exception {
        org.perfeval.exchange.EvaluationForm big = Fixtures.clean();
        org.perfeval.exchange.Indicator row = big.getIndicators().get(0);
        String text = "说明".repeat(1000);
        row.setRemark(text);
        row.setImprovement(text);
        row.setScoringStandard(text);
        row.setEvidence(text);
        row.setDeviationNote(text);
        while (big.getIndicators().size() < 100) {
            big.getIndicators().add(objectMapper.readValue(objectMapper.writeValueAsString(row),
                    org.perfeval.exchange.Indicator.class));
        }
        String json = objectMapper.writeValueAsString(big);
        // About 3 MB of JSON: the same fields form-encoded are about 9 MB, within what a save may post.
        assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(2_500_000, 3_500_000);
        mvc.perform(as(post("/forms/" + form.getId() + "/preview"), w.staffA()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").exists());
        mvc.perform(as(post("/forms/" + form.getId() + "/preview"), w.staffA()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content(json + " ".repeat(1_500_000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value(containsString("不超过 4 MB")));
    }

    @Test
    void reviewerApprovesThroughThePage() throws Exception {
        FormHeader before = formMapper.findHeader(form.getId());
        String json = objectMapper.writeValueAsString(Fixtures.clean());
        // Submit through the service layer's page path: post the fixture's key fields.
        org.perfeval.exchange.EvaluationForm clean = Fixtures.clean();
        MockHttpServletRequestBuilder submit = as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                .param("version", String.valueOf(before.getVersion())).param("action", "submit");
        FormParams.addAll(submit, clean);
        mvc.perform(submit).andExpect(redirectedUrl("/tasks"));
        assertThat(json).isNotEmpty();

        mvc.perform(as(get("/forms/" + form.getId()), w.reviewer1()))
                .andExpect(content().string(containsString("提交审核结果")));
        mvc.perform(as(post("/forms/" + form.getId() + "/review"), w.reviewer1()).with(csrf())
                        .param("decision", "RETURN_TO_UNIT").param("reason", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("退回时必须填写退回原因")));
        // From the page itself (no script): back on it with the message beside 退回原因 and all typed kept.
        var refused = mvc.perform(as(post("/forms/" + form.getId() + "/review"), w.reviewer1()).with(csrf())
                        .header("Referer", "http://localhost/forms/" + form.getId())
                        .param("decision", "RETURN_TO_UNIT").param("reason", " ").param("opt", "1")
                        .param("detail1", "指标值需<补充>").param("overallOpinion", "总体尚可")
                        .param("ccNames", "nobody-here"))
                .andExpect(status().isSeeOther()).andReturn();
        String again = mvc.perform(as(get("/forms/" + form.getId()), w.reviewer1()).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(again)
                .containsPattern("<textarea name=\"reason\"[^>]*aria-invalid=\"true\"[^>]*> </textarea>\\s*"
                        + "<span class=\"field-error\"[^>]*data-for=\"reason\"[^>]*>[^<]*退回时必须填写退回原因")
                .containsPattern("name=\"opt\" value=\"1\" checked")
                .containsPattern("name=\"opt\" value=\"0\">")
                .contains("name=\"detail1\" value=\"指标值需&lt;补充&gt;\"", ">总体尚可</textarea>",
                        "value=\"nobody-here\"")
                .containsPattern("value=\"RETURN_TO_UNIT\" required checked");
        // A too long option text: said beside that option's text box, in words, and the text kept whole.
        String option1 = opinionCatalog.reviewOptions(formMapper.findHeader(form.getId()).getFormType()).get(1);
        String tooLong = "长".repeat(2001);
        var longRefused = mvc.perform(as(post("/forms/" + form.getId() + "/review"), w.reviewer1()).with(csrf())
                        .header("Referer", "http://localhost/forms/" + form.getId())
                        .param("decision", "APPROVE").param("opt", "1").param("detail1", tooLong))
                .andExpect(status().isSeeOther()).andReturn();
        assertThat(mvc.perform(as(get("/forms/" + form.getId()), w.reviewer1()).flashAttrs(longRefused.getFlashMap()))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("name=\"detail1\" value=\"" + tooLong + "\"")
                .containsPattern("data-for=\"options\\[" + java.util.regex.Pattern.quote(option1)
                        + "\\]\">「" + java.util.regex.Pattern.quote(option1) + "」的具体意见不能超过 2000 个字<")
                .doesNotContain("「options[");
        // Another post of the page refused over its own 原因 says nothing beside the review's.
        assertThat(mvc.perform(as(get("/forms/" + form.getId()), w.reviewer1()).flashAttr("refused",
                        new RefusedPost("/forms/" + form.getId() + "/cancel", "输入有误",
                                java.util.List.of(new RefusedPost.Problem("reason", "原因", "请填写原因")))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("data-for=\"reason\"");
        // Nor does another form's refused review (its page named as the one to go back to).
        var elsewhere = new org.springframework.web.servlet.FlashMap();
        elsewhere.putAll(refused.getFlashMap());
        elsewhere.put("refused", new RefusedPost("/forms/" + (form.getId() + 1000) + "/review", "输入有误",
                java.util.List.of(new RefusedPost.Problem("reason", "退回原因", "退回时必须填写退回原因"))));
        assertThat(mvc.perform(as(get("/forms/" + form.getId()), w.reviewer1()).flashAttrs(elsewhere))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("data-for=\"reason\"", ">总体尚可</textarea>");
        mvc.perform(as(post("/forms/" + form.getId() + "/review"), w.reviewer1()).with(csrf())
                        .param("decision", "APPROVE").param("opt", "0").param("detail0", "项目成效好"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(formMapper.findHeader(form.getId()).getStatus().name()).isEqualTo("FINANCE_REVIEW");
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Actor actor) {
        return request.with(user(principal(actor)));
    }

    private CurrentUser principal(Actor actor) {
        return accounts.loadUserByUsername(actor.username());
    }

    @Test
    void batchApproveTakesCleanFormsAndSkipsOthers() throws Exception {
        FormHeader second = testOrg.openForm(w, "批量项目二");
        FormHeader blocked = testOrg.openForm(w, "批量项目三");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        approval.submit(w.staffA(), second.getId(), formMapper.findHeader(second.getId()).getVersion(), Fixtures.clean());
        org.perfeval.exchange.EvaluationForm warned = Fixtures.clean();
        warned.setClaimedTotal(new java.math.BigDecimal("99"));
        approval.submit(w.staffA(), blocked.getId(), formMapper.findHeader(blocked.getId()).getVersion(), warned);
        // Only the forms it may take are offered.
        String inbox = mvc.perform(as(get("/tasks"), w.reviewer1())).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(inbox).containsPattern("value=\"" + form.getId() + "\"(?![^>]*disabled)")
                .containsPattern("value=\"" + blocked.getId() + "\"[^>]*disabled");
        String firstOption = opinionCatalog.batchReviewOptions().get(0);
        var result = mvc.perform(as(post("/reviews/batch-approve"), w.reviewer1()).with(csrf())
                        .param("form", String.valueOf(form.getId()), String.valueOf(second.getId()),
                                String.valueOf(blocked.getId()))
                        .param("opt", "0").param("detail0", "统一意见细节").param("overallOpinion", "同意上报"))
                .andExpect(redirectedUrl("/tasks")).andReturn();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> counted = (java.util.Map<String, Object>) result.getFlashMap().get("batchResult");
        assertThat(counted.get("approved")).isEqualTo(2);
        assertThat(String.valueOf(counted.get("notApprovable"))).isEqualTo("[《批量项目三》]");
        assertThat(reviews.opinions(w.reviewer1(), second.getId())).singleElement().satisfies(o -> {
            assertThat(o.overallOpinion()).isEqualTo("同意上报");
            assertThat(o.options()).anySatisfy(c -> {
                assertThat(c.optionLabel()).isEqualTo(firstOption);
                assertThat(c.detail()).isEqualTo("统一意见细节");
            });
        });
        assertThat(formMapper.findHeader(form.getId()).getStatus().name()).isEqualTo("FINANCE_REVIEW");
        assertThat(formMapper.findHeader(second.getId()).getStatus().name()).isEqualTo("FINANCE_REVIEW");
        assertThat(formMapper.findHeader(blocked.getId()).getStatus().name()).isEqualTo("SUPERVISOR_REVIEW");
        mvc.perform(as(post("/reviews/batch-approve"), w.staffA()).with(csrf()).param("form", "1"))
                .andExpect(status().isForbidden());
    }

    @Autowired org.perfeval.approval.TaskControl taskControl;

    /** The page reads opinions, consultations and changes only once the form's submissions can have them. */
    @Test
    void opinionsConsultationsAndChangesAppearWithTheSubmissionsTheyNeed() throws Exception {
        Long id = form.getId();
        assertThat(pageModel(id, w.staffA())).satisfies(m -> {
            assertThat((java.util.List<?>) m.get("opinions")).isEmpty();
            assertThat((java.util.List<?>) m.get("consultations")).isEmpty();
            assertThat((java.util.List<?>) m.get("changes")).isEmpty();
        });
        approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), Fixtures.clean());
        approval.claim(w.reviewer1(), id);
        taskControl.consult(w.reviewer1(), id, java.util.List.of(w.reviewer1b().id()), "偏差原因是否充分？");
        reviews.decide(w.reviewer1(), id, new org.perfeval.review.ReviewInput(org.perfeval.approval.Decision.RETURN_TO_UNIT,
                java.util.Map.of(), null, "请补充偏差原因"));
        assertThat(pageModel(id, w.staffA())).satisfies(m -> {
            assertThat((java.util.List<?>) m.get("opinions")).hasSize(1);
            assertThat((java.util.List<?>) m.get("consultations")).hasSize(1);
            assertThat((java.util.List<?>) m.get("changes")).as("one submission: nothing to compare").isEmpty();
        });
        org.perfeval.exchange.EvaluationForm changed = Fixtures.clean();
        changed.getIndicators().get(0).setDeviationNote("补充的偏差原因");
        approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), changed);
        assertThat((java.util.List<?>) pageModel(id, w.reviewer1()).get("changes")).isNotEmpty();
    }

    private java.util.Map<String, Object> pageModel(Long id, org.perfeval.shared.Actor actor) throws Exception {
        return mvc.perform(as(get("/forms/" + id), actor)).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModel();
    }

    @Autowired org.perfeval.form.EvaluationFormService forms;
    @Autowired org.perfeval.review.OpinionCatalog opinionCatalog;
    @Autowired org.perfeval.review.ReviewService reviews;
    @Autowired org.perfeval.approval.Approval approval;

    @Test
    void evidenceFollowsItsIndicatorRowWhenRowsAreReorderedOrRemoved() throws Exception {
        org.perfeval.exchange.EvaluationForm content = Fixtures.clean();
        int rows = content.getIndicators().size();
        assertThat(rows).isGreaterThanOrEqualTo(3);
        byte[] pdf = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Long onFirst = evidence.upload(w.staffA(), form.getId(), 0, "第一行.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf)).id();
        Long onSecond = evidence.upload(w.staffA(), form.getId(), 1, "第二行.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf)).id();
        String secondName = content.getIndicators().get(1).getName();

        // The editor moved row 1 to the top, removed row 0 and added a new row at the end.
        java.util.List<org.perfeval.exchange.Indicator> posted = new java.util.ArrayList<>(content.getIndicators());
        posted.remove(0);
        posted.add(Fixtures.clean().getIndicators().get(2));
        content.setIndicators(posted);
        MockHttpServletRequestBuilder save = as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                .param("version", String.valueOf(formMapper.findHeader(form.getId()).getVersion()))
                .param("action", "save");
        FormParams.addAll(save, content);
        for (int i = 1; i < rows; i++) {
            save.param("rowOrigin", String.valueOf(i));
        }
        save.param("rowOrigin", "");
        mvc.perform(save).andExpect(status().is3xxRedirection());

        java.util.Map<Long, Integer> seqs = new java.util.HashMap<>();
        evidence.list(w.staffA(), form.getId()).forEach(e -> seqs.put(e.id(), e.indicatorSeq()));
        assertThat(seqs.get(onSecond)).isZero();
        assertThat(seqs).containsKey(onFirst);
        assertThat(seqs.get(onFirst)).as("a removed row's file stays, on the whole form").isNull();
        mvc.perform(as(get("/forms/" + form.getId()), w.staffA()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("佐证：第二行.pdf")))
                .andExpect(content().string(containsString("aria-label=\"上移此行\"")));
        assertThat(formService.read(w.staffA(), form.getId()).content().getIndicators().get(0).getName())
                .isEqualTo(secondName);
    }

    @Test
    void reviewerNarrowsTheInboxByUnit() throws Exception {
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        String unitA = String.valueOf(w.unitA().id());
        mvc.perform(as(get("/tasks").param("unit", unitA), w.reviewer1()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"inbox\"")))
                .andExpect(content().string(containsString("<option value=\"" + unitA + "\" selected=\"selected\"")))
                .andExpect(content().string(not(containsString(">" + w.unitB().name() + "</option>"))));
        mvc.perform(as(get("/tasks").param("unit", String.valueOf(w.unitB().id())), w.reviewer1()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"inbox\""))))
                .andExpect(content().string(containsString("暂无待办事项")));
    }

    @Test
    void aRetriedPostWithTheSameRequestKeyIsAnsweredAsTheFirstAndDoneOnce() throws Exception {
        int version = formMapper.findHeader(form.getId()).getVersion();
        java.util.function.Supplier<MockHttpServletRequestBuilder> save = () -> {
            MockHttpServletRequestBuilder r = as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                    .param("version", String.valueOf(version)).param("action", "save")
                    .param("requestKey", "save-key-0001");
            FormParams.addAll(r, Fixtures.clean());
            return r;
        };
        mvc.perform(save.get()).andExpect(redirectedUrl("/forms/" + form.getId()));
        mvc.perform(save.get()).andExpect(redirectedUrl("/forms/" + form.getId()));
        assertThat(formMapper.findHeader(form.getId()).getVersion()).isEqualTo(version + 1);

        int saved = version + 1;
        java.util.function.Supplier<MockHttpServletRequestBuilder> submit = () -> {
            MockHttpServletRequestBuilder r = as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                    .param("version", String.valueOf(saved)).param("action", "submit")
                    .param("requestKey", "submit-key-0001");
            FormParams.addAll(r, Fixtures.clean());
            return r;
        };
        mvc.perform(submit.get()).andExpect(redirectedUrl("/tasks"));
        mvc.perform(submit.get()).andExpect(redirectedUrl("/tasks"));
        assertThat(formService.history(w.staffA(), form.getId()))
                .filteredOn(r -> r.action().equals("SUBMIT")).hasSize(1);
        assertThat(formService.history(w.staffA(), form.getId()))
                .filteredOn(r -> r.action().equals("SAVE")).hasSize(1);

        // Without the key (or with another one) the stale post is refused as before.
        MockHttpServletRequestBuilder fresh = as(post("/forms/" + form.getId()), w.staffA()).with(csrf())
                .param("version", String.valueOf(saved)).param("action", "submit").param("requestKey", "another-key-1");
        FormParams.addAll(fresh, Fixtures.clean());
        mvc.perform(fresh).andExpect(status().isConflict());
        // A malformed key is refused with its field named, before anything is saved.
        mvc.perform(as(post("/forms/" + form.getId()), w.staffA()).with(csrf()).param("version", "0")
                        .param("action", "save").param("requestKey", "bad key!"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请求标识无效")));
    }

    @Test
    void theUnreadCountStopsAtNinetyNinePlus() throws Exception {
        for (int i = 0; i < 120; i++) {
            notifications.notifyUser(w.staffB().id(), org.perfeval.notification.NotificationKind.REMINDED, null,
                    "催办 " + i, "test-unread-" + w.staffB().id() + "-" + i);
        }
        assertThat(notifications.unread(w.staffB())).isEqualTo(100);
        mvc.perform(as(get("/tasks"), w.staffB()))
                .andExpect(content().string(containsString(">99+</span>")));
    }

    @Autowired org.perfeval.notification.NotificationService notifications;
    @Autowired org.perfeval.evidence.EvidenceService evidence;
    @Autowired org.perfeval.form.EvaluationFormService formService;
}
