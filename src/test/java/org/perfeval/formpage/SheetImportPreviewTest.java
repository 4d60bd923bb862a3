package org.perfeval.formpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.perfeval.shared.Actor;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import preview: a province's sheet shown beside its cells, nothing written until confirmed. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class SheetImportPreviewTest {
    static final Path FIXTURE = Path.of("..", "shared", "fixtures", "seed000-form1-medical-assistance.json");

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired FormStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired CampaignService campaigns;
    @Autowired FormMapper formMapper;

    @Test
    void thePreviewShowsWhereEachCellWentAndOnlyTheConfirmationWrites() throws Exception {
        Assumptions.assumeTrue(Files.exists(FIXTURE), "../shared/fixtures is not beside the project");
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "预览导入项目");
        EvaluationForm fixture = ExchangeJson.readForm(Files.readString(FIXTURE));
        byte[] sheet = PrintedForms.anhuiProject(fixture, false, "联系人");
        String before = ExchangeJson.writeForm(store.content(form.getId()));
        int version = version(form);
        MockHttpSession session = new MockHttpSession();

        MockHttpServletResponse preview = mvc.perform(multipart("/forms/" + form.getId() + "/import/preview")
                        .file(new MockMultipartFile("file", "去年的自评表.xlsx", "application/octet-stream", sheet))
                        .param("version", String.valueOf(version)).session(session).with(as(w.staffA())).with(csrf()))
                .andReturn().getResponse();

        // Post, then redirect to the preview shown by a GET: back after the confirmation never re-sends the upload.
        assertThat(preview.getStatus()).isEqualTo(302);
        assertThat(preview.getRedirectedUrl()).isEqualTo("/forms/" + form.getId() + "/import/preview");
        String page = shown(form, session, w.staffA());
        assertThat(page).contains("项目支出绩效自评表（全国通用格式·安徽）").contains("运转保障率")
                .contains("指标第 1 行「三级指标」").contains("“联系人”（J12）").contains("未导入");
        // A clerk reads where each cell went in words, not as the exchange format's paths or enum names.
        assertThat(page).doesNotContain("indicators[0].name").doesNotContain("budgetLines[").doesNotContain(">TOTAL<")
                .contains(">合计<").contains(">资金来源<");
        // Last year's sheet is imported, with a word that its completed values are last year's.
        assertThat(page).contains("id=\"import-other-year\"")
                .contains("这张表是2023年度的，本评价表是2024年度：导入后年度仍为2024年度");
        assertThat(page).containsPattern("id=\"import-counts\">已读取 \\d+ 格 · 未导入 \\d+ 格 · 未读取 0 处<");
        assertThat(page).containsPattern(">D13<");
        assertThat(ExchangeJson.writeForm(store.content(form.getId()))).as("nothing written before confirmation").isEqualTo(before);
        assertThat(version(form)).isEqualTo(version);
        // The pending import lives in the HTTP session, which Spring Session keeps in the database: it must serialise.
        Object pending = session.getAttribute(SheetImportController.PENDING);
        assertThat(pending).isNotNull();
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(pending);

        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        MockHttpServletResponse wrong = mvc.perform(post("/forms/" + form.getId() + "/import/confirm").param("token", "x")
                .session(session).with(as(w.staffA())).with(csrf())).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("重新上传");

        var confirmed = mvc.perform(post("/forms/" + form.getId() + "/import/confirm")
                .param("token", token.group(1)).session(session).with(as(w.staffA())).with(csrf())).andReturn();
        assertThat(confirmed.getResponse().getStatus()).isEqualTo(302);
        assertThat(confirmed.getFlashMap().get("notice")).asString().contains("请逐项改为2024年度的数据后再提交");
        assertThat(mvc.perform(post("/forms/" + form.getId() + "/import/confirm").param("token", token.group(1))
                .session(session).with(as(w.staffA())).with(csrf())).andReturn().getResponse().getStatus())
                .as("the same confirmation again (a double click)").isEqualTo(400);
        EvaluationForm stored = store.content(form.getId());
        assertThat(stored.getYear()).isEqualTo(2024);
        assertThat(stored.getIndicators()).extracting(i -> i.getName())
                .containsExactlyElementsOf(fixture.getIndicators().stream().map(i -> i.getName()).toList());
        assertThat(stored.getBudgetLines()).hasSize(2);
        assertThat(version(form)).isGreaterThan(version);
        assertThat(session.getAttribute(SheetImportController.PENDING)).isNull();
        // The back button after the confirmation: the preview is gone, the form says so instead of importing again.
        var back = mvc.perform(get("/forms/" + form.getId() + "/import/preview").session(session).with(as(w.staffA())))
                .andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + form.getId());
        assertThat(back.getFlashMap().get("notice")).asString().contains("没有待确认的导入（已确认导入或已取消）");
    }

    String shown(FormHeader form, MockHttpSession session, Actor actor) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/forms/" + form.getId() + "/import/preview").session(session)
                .with(as(actor))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherUnitsStaffCannotPreviewAndAnUnreadableSheetIsNamedByItsCells() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "预览导入拒绝");
        MockHttpServletResponse foreign = mvc.perform(multipart("/forms/" + form.getId() + "/import/preview")
                .file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", PrintedForms.unrelated()))
                .param("version", String.valueOf(version(form))).with(as(w.staffB())).with(csrf())).andReturn().getResponse();
        assertThat(foreign.getStatus()).isIn(403, 404);
        MockHttpServletResponse unknown = mvc.perform(multipart("/forms/" + form.getId() + "/import/preview")
                .file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", PrintedForms.unrelated()))
                .param("version", String.valueOf(version(form))).with(as(w.staffA())).with(csrf())).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("无法识别").contains("姓名")
                .contains("上传的文件无法导入，请按提示检查").doesNotContain("评价表内容有误");
        MockHttpServletResponse notExcel = mvc.perform(multipart("/forms/" + form.getId() + "/import/preview")
                .file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream", "这不是表格".getBytes(StandardCharsets.UTF_8)))
                .param("version", String.valueOf(version(form))).with(as(w.staffA())).with(csrf())).andReturn().getResponse();
        assertThat(notExcel.getStatus()).isEqualTo(400);
        assertThat(notExcel.getContentAsString(StandardCharsets.UTF_8)).contains("上传的文件无法导入，请按提示检查")
                .contains("不是 Excel 文件（.xlsx 或 .xls），请检查文件");
    }

    @Test
    void aDepartmentSheetIsRefusedOnAProjectFormAndImportedOnADepartmentFormWithTheCellsNotRead() throws Exception {
        TestOrg.World w = testOrg.create();
        byte[] sheet = PrintedForms.guangdongDepartment(PrintedForms.seed002(), false, null);
        FormHeader project = testOrg.openForm(w, "项目表不收部门表");
        MockHttpServletResponse refused = mvc.perform(multipart("/forms/" + project.getId() + "/import/preview")
                .file(new MockMultipartFile("file", "部门整体自评.xlsx", "application/octet-stream", sheet))
                .param("version", String.valueOf(version(project))).with(as(w.staffA())).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("表格类型不符")
                .contains("是部门（单位）整体绩效自评表，而本评价表是项目支出绩效自评表，不能导入").doesNotContain("name=\"token\"");

        Campaign campaign = campaigns.create(w.admin(), TestOrg.dueCampaign("部门整体导入", FormType.DEPARTMENT, 2023));
        campaigns.open(w.admin(), campaign.id(), List.of(new FormAssignment(w.unitA().id(), "部门整体支出")));
        FormHeader department = formMapper.findByCampaign(campaign.id()).get(0);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse preview = mvc.perform(multipart("/forms/" + department.getId() + "/import/preview")
                .file(new MockMultipartFile("file", "部门整体自评.xlsx", "application/octet-stream", sheet))
                .param("version", String.valueOf(version(department))).session(session).with(as(w.staffA())).with(csrf()))
                .andReturn().getResponse();
        assertThat(preview.getStatus()).as(preview.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        String page = shown(department, session, w.staffA());
        assertThat(page).doesNotContain("import-other-year");
        assertThat(page).contains("部门整体支出绩效自评指标评分表（广东）").contains("未读取的内容")
                .contains("I17 指标1：城乡居民基本医疗保险参保人数≥200万人：只印出指标值，未印出完成值")
                .contains("三级指标未印出，记为“（三级指标名称未印出）”").contains("部门预算资金支出率");
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        var confirmed = mvc.perform(post("/forms/" + department.getId() + "/import/confirm").param("token", token.group(1))
                .session(session).with(as(w.staffA())).with(csrf())).andReturn();
        // The filled form names the cells not read once more, where the clerk checks it against the sheet.
        String filled = mvc.perform(get("/forms/" + department.getId()).flashAttrs(confirmed.getFlashMap()).session(session)
                        .with(as(w.staffA()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(filled).contains("表格中有内容未读取，见下方清单").containsPattern("<details class=\"box\" id=\"import-not-read\" role=\"status\">\\s*<summary><strong>“部门整体自评.xlsx”中有 \\d+ 处未读取")
                .contains("I17 指标1：城乡居民基本医疗保险参保人数≥200万人：只印出指标值，未印出完成值")
                .contains("三级指标未印出，记为“（三级指标名称未印出）”");
        // The budget line's type is offered by the labels the preview shows too, the imported one chosen.
        assertThat(filled).containsPattern("<option value=\"ITEM\" selected=\"selected\">执行项</option>")
                .contains("<option value=\"TOTAL\">合计</option>");
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(new java.util.HashMap<>(confirmed.getFlashMap()));
        EvaluationForm stored = store.content(department.getId());
        assertThat(stored.getIndicators()).hasSize(24);
        assertThat(stored.getBudgetLines()).singleElement().satisfies(l -> assertThat(l.getExecuted()).isEqualByComparingTo("10442.74"));
        assertThat(stored.getFormType()).isEqualTo(FormType.DEPARTMENT);
    }

    int version(FormHeader form) {
        return jdbc.queryForObject("SELECT version FROM evaluation_form WHERE id = ?", Integer.class, form.getId());
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor as(Actor actor) {
        return user(accounts.loadUserByUsername(actor.username()));
    }
}
