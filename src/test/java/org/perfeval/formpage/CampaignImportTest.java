package org.perfeval.formpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.excel.PrintedForms;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStore;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Whole-campaign import: a workbook of several units' printed forms fills their drafts, matched by name, after confirmation. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class CampaignImportTest {
    static final Path FIXTURES = Path.of("..", "shared", "fixtures");

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired CampaignService campaigns;
    @Autowired FormMapper formMapper;
    @Autowired FormStore store;
    @Autowired UserAccountService accounts;

    @Test
    void formsAreMatchedToUnitAndProjectReportedAndWrittenOnlyOnConfirmation() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures is not beside the project");
        TestOrg.World w = testOrg.create();
        Campaign campaign = campaigns.create(w.admin(), TestOrg.dueCampaign("整体导入任务", FormType.PROJECT, 2024));
        campaigns.open(w.admin(), campaign.id(), List.of(new FormAssignment(w.unitA().id(), "城乡医疗救助"),
                new FormAssignment(w.unitA().id(), "城乡居民基本医疗保险"), new FormAssignment(w.unitB().id(), "城乡医疗救助")));
        List<FormHeader> headers = formMapper.findByCampaign(campaign.id());

        EvaluationForm a1 = fixture("seed000-form1-medical-assistance", w.unitA().name());
        EvaluationForm a2 = fixture("seed000-form2-resident-insurance", w.unitA().name());
        EvaluationForm b1 = fixture("seed000-form1-medical-assistance", w.unitB().name());
        EvaluationForm stranger = fixture("seed000-form2-resident-insurance", "不在任务中的单位");
        Map<String, List<byte[]>> sheets = new LinkedHashMap<>();
        sheets.put("甲单位", List.of(PrintedForms.anhuiProject(a1, false, null), PrintedForms.anhuiProject(a2, false, null)));
        sheets.put("乙单位", List.of(PrintedForms.anhuiProject(b1, false, null)));
        sheets.put("其他", List.of(PrintedForms.anhuiProject(stranger, false, null)));
        byte[] workbook = PrintedForms.workbook(sheets);
        Map<Long, String> before = new LinkedHashMap<>();
        headers.forEach(h -> before.put(h.getId(), ExchangeJson.writeForm(store.content(h.getId()))));
        MockHttpSession session = new MockHttpSession();

        MockHttpServletResponse preview = mvc.perform(multipart("/admin/campaigns/" + campaign.id() + "/import")
                .file(new MockMultipartFile("file", "各单位自评表.xlsx", "application/octet-stream", workbook))
                .session(session).with(user(accounts.loadUserByUsername(w.admin().username()))).with(csrf())).andReturn().getResponse();

        assertThat(preview.getStatus()).isEqualTo(200);
        String page = preview.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("找到 <span>4</span> 张评价表").contains("未找到对应的评价表").contains("不在任务中的单位")
                .contains(w.unitB().name() + " · 城乡医疗救助").contains("说明")
                .contains("这张表是2023年度的，本评价表是2024年度");
        assertThat(page.split("<td>将导入</td>", -1)).as("three forms matched").hasSize(4);
        headers.forEach(h -> assertThat(ExchangeJson.writeForm(store.content(h.getId()))).as("nothing written yet")
                .isEqualTo(before.get(h.getId())));
        new ObjectOutputStream(java.io.OutputStream.nullOutputStream()).writeObject(session.getAttribute(CampaignImportController.PENDING));

        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        MockHttpServletResponse confirm = mvc.perform(post("/admin/campaigns/" + campaign.id() + "/import/confirm")
                .param("token", token.group(1)).session(session).with(user(accounts.loadUserByUsername(w.admin().username())))
                .with(csrf())).andReturn().getResponse();
        assertThat(confirm.getStatus()).isEqualTo(302);
        for (FormHeader h : headers) {
            EvaluationForm stored = store.content(h.getId());
            EvaluationForm expected = h.getUnitId().equals(w.unitB().id()) ? b1 : h.getTitle().equals("城乡医疗救助") ? a1 : a2;
            assertThat(stored.getIndicators()).as(h.getTitle()).extracting(i -> blankToNull(i.getName()))
                    .containsExactlyElementsOf(expected.getIndicators().stream().map(i -> blankToNull(i.getName())).toList());
            assertThat(stored.getClaimedTotal()).isEqualByComparingTo(expected.getClaimedTotal());
        }
    }

    /**
     * A sheet that prints 单位编码 is matched by the code, even when its unit name is another unit's
     * (the code wins); one without a code by its name; an unknown code and name is named in the report.
     */
    @Test
    void aPrintedUnitCodeMatchesBeforeTheNameAndTheReportSaysWhichRuleMatched() throws Exception {
        TestOrg.World w = testOrg.create();
        Campaign campaign = campaigns.create(w.admin(), TestOrg.dueCampaign("按编码整体导入", FormType.DEPARTMENT, 2023));
        campaigns.open(w.admin(), campaign.id(), List.of(new FormAssignment(w.unitA().id(), "部门整体支出"),
                new FormAssignment(w.unitB().id(), "部门整体支出")));
        List<FormHeader> headers = formMapper.findByCampaign(campaign.id());

        // Unit A's sheet under unit B's (old) name but with A's code; unit B's sheet without a code, a claimed total of its own.
        EvaluationForm byCode = PrintedForms.seed002();
        byCode.setUnit(w.unitB().name());
        EvaluationForm byName = PrintedForms.seed002();
        byName.setUnit(w.unitB().name());
        byName.setClaimedTotal(new java.math.BigDecimal("89.02"));
        EvaluationForm unknown = PrintedForms.seed002();
        unknown.setUnit("不在任务中的单位");
        Map<String, List<byte[]>> sheets = new LinkedHashMap<>();
        sheets.put("按编码", List.of(PrintedForms.guangdongDepartment(byCode, false, " " + w.unitA().code() + " ")));
        sheets.put("按名称", List.of(PrintedForms.guangdongDepartment(byName, false, null)));
        sheets.put("不认识", List.of(PrintedForms.guangdongDepartment(unknown, false, "zz-000")));
        MockHttpSession session = new MockHttpSession();

        MockHttpServletResponse preview = mvc.perform(multipart("/admin/campaigns/" + campaign.id() + "/import")
                .file(new MockMultipartFile("file", "部门整体.xlsx", "application/octet-stream", PrintedForms.workbook(sheets)))
                .session(session).with(user(accounts.loadUserByUsername(w.admin().username()))).with(csrf())).andReturn().getResponse();

        String page = preview.getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview.getStatus()).as(page).isEqualTo(200);
        assertThat(page).doesNotContain("年度的，本评价表是");
        assertThat(page).contains("<td>" + w.unitA().name() + " · 部门整体支出</td><td>单位编码</td>")
                .contains("<td>" + w.unitB().name() + " · 部门整体支出</td><td>单位名称</td>")
                .contains("未找到对应的评价表：本任务中没有单位编码“zz-000”或单位“不在任务中的单位”")
                .contains(w.unitB().name() + "（" + w.unitA().code() + "）");
        assertThat(page.split("<td>将导入</td>", -1)).as("two forms matched").hasSize(3);

        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        mvc.perform(post("/admin/campaigns/" + campaign.id() + "/import/confirm").param("token", token.group(1)).session(session)
                .with(user(accounts.loadUserByUsername(w.admin().username()))).with(csrf())).andReturn();
        for (FormHeader h : headers) {
            EvaluationForm stored = store.content(h.getId());
            assertThat(stored.getIndicators()).as(h.getUnitName()).hasSize(24);
            assertThat(stored.getClaimedTotal()).as(h.getUnitName())
                    .isEqualByComparingTo(h.getUnitId().equals(w.unitA().id()) ? "97.62" : "89.02");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    EvaluationForm fixture(String name, String unit) throws java.io.IOException {
        EvaluationForm f = ExchangeJson.readForm(Files.readString(FIXTURES.resolve(name + ".json")));
        f.setUnit(unit);
        return f;
    }
}
