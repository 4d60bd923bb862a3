package org.perfeval.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class AdminPagesTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;

    @Test
    void dashboardShowsProgressAndItsChartScriptLoads() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "看板项目");
        mvc.perform(get("/admin/campaigns/" + form.getCampaignId())
                        .with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("看板项目")))
                .andExpect(content().string(containsString("data-progress=")))
                .andExpect(content().string(containsString("&quot;填报中&quot;:1")));
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
    }

    /** The top bar and the inbox show each role its own entries (Viewer). */
    @Test
    void anEmptyCampaignSaysSoInsteadOfChartingNothing() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "空看板项目");
        String page = mvc.perform(get("/admin/campaigns/" + form.getCampaignId())
                        .with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // One unscored form: charts of where it stands, but no ranking yet.
        org.assertj.core.api.Assertions.assertThat(page).contains("id=\"chart-histogram\"").doesNotContain("id=\"ranking\"");
    }

    @Test
    void menusAndInboxFollowTheRole() throws Exception {
        TestOrg.World w = testOrg.create();
        testOrg.openForm(w, "菜单项目");
        String admin = mvc.perform(get("/admin/campaigns").with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(admin).contains("/admin/users", "/admin/incidents", "/overdue")
                .doesNotContain("href=\"/done\"").contains("退出");
        String staff = mvc.perform(get("/tasks").with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(staff).contains("href=\"/done\"", "菜单项目")
                .doesNotContain("/admin/users", "href=\"/overdue\"", "批量同意", "登录</a>");
        String finance = mvc.perform(get("/tasks").with(user(accounts.loadUserByUsername(w.finance().username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(finance).contains("href=\"/overdue\"").doesNotContain("/admin/users");
        String anonymous = mvc.perform(get("/public")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(anonymous).contains("登录</a>").doesNotContain("退出", "href=\"/tasks\"");
    }

    @Test
    void campaignFormNamesTheBadField() throws Exception {
        TestOrg.World w = testOrg.create();
        mvc.perform(post("/admin/campaigns").with(csrf()).with(user(accounts.loadUserByUsername(w.admin().username())))
                        .param("name", "测试").param("fiscalYear", "2024").param("formType", "PROJECT")
                        .param("fillDue", "2024-13-45").param("unit", String.valueOf(w.unitA().id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("填报截止日期格式应为")));
    }

    @Test
    void aProjectCampaignNamesItsProjectsWithTheirBudgets() throws Exception {
        TestOrg.World w = testOrg.create();
        String unit = w.unitA().name();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        // One bad line: the whole list is refused, naming the line, and nothing is opened.
        mvc.perform(post("/admin/campaigns").with(csrf()).with(admin).param("name", "项目清单任务" + unit)
                        .param("fiscalYear", "2024").param("formType", "PROJECT")
                        .param("projects", unit + "\t医保经办项目\t600\n不存在的单位，某项目，1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("项目清单第 2 行的单位「不存在的单位」不存在")));
        String location = mvc.perform(post("/admin/campaigns").with(csrf()).with(admin).param("name", "项目清单任务" + unit)
                        .param("fiscalYear", "2024").param("formType", "PROJECT")
                        .param("projects", unit + "\t医保经办项目\t600\n" + unit + "，信息化建设项目，\n"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Long campaignId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        java.util.List<FormHeader> opened = campaignService.forms(campaignId);
        org.assertj.core.api.Assertions.assertThat(opened).extracting(FormHeader::getTitle)
                .containsExactlyInAnyOrder("医保经办项目", "信息化建设项目");
        FormHeader first = opened.stream().filter(f -> f.getTitle().equals("医保经办项目")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(formStore.content(first.getId()).getBudgetLines())
                .anySatisfy(l -> org.assertj.core.api.Assertions.assertThat(l.getAnnualBudget())
                        .isEqualByComparingTo("600"));
    }

    /** The same list uploaded as a sheet (heading row, a blank row): refusals name the sheet's row. */
    @Test
    void aProjectListIsUploadedAsAnExcelSheet() throws Exception {
        TestOrg.World w = testOrg.create();
        String unit = w.unitA().name();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        byte[] bad = sheet(new String[][] {{"单位名称", "项目名称", "预算金额"}, {unit, "表格项目一", "120"}, {"无此单位", "表格项目二", ""}});
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/admin/campaigns")
                        .file(new org.springframework.mock.web.MockMultipartFile("projectsFile", "projects.xlsx",
                                "application/octet-stream", bad))
                        .with(csrf()).with(admin).param("name", "表格清单任务" + unit).param("fiscalYear", "2024")
                        .param("formType", "PROJECT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("项目清单第 3 行的单位「无此单位」不存在")));
        byte[] good = sheet(new String[][] {{"单位名称", "项目名称", "预算金额"}, {unit, "表格项目一", "120"}, {null, null, null},
                {unit, "表格项目二", ""}});
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/admin/campaigns")
                        .file(new org.springframework.mock.web.MockMultipartFile("projectsFile", "projects.xlsx",
                                "application/octet-stream", good))
                        .with(csrf()).with(admin).param("name", "表格清单任务" + unit).param("fiscalYear", "2024")
                        .param("formType", "PROJECT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Long campaignId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        org.assertj.core.api.Assertions.assertThat(campaignService.forms(campaignId)).extracting(FormHeader::getTitle)
                .containsExactlyInAnyOrder("表格项目一", "表格项目二");
    }

    private static byte[] sheet(String[][] rows) throws java.io.IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("项目");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Autowired org.perfeval.campaign.CampaignService campaignService;
    @Autowired org.perfeval.form.FormStore formStore;

    @Test
    void adminAddsUsersAndUnlocksALockedAccount() throws Exception {
        TestOrg.World w = testOrg.create();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        String name = "new-" + w.unitA().code();
        mvc.perform(post("/admin/users").with(csrf()).with(admin).param("username", name)
                        .param("displayName", "新同事").param("unitId", String.valueOf(w.unitA().id()))
                        .param("role", "SUPERVISOR_REVIEWER").param("password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("与单位类型不符")))
                .andExpect(content().string(containsString("密码至少 10 个字符")));
        mvc.perform(post("/admin/users").with(csrf()).with(admin).param("username", name)
                        .param("displayName", "新同事").param("unitId", String.valueOf(w.unitA().id()))
                        .param("role", "UNIT_STAFF").param("password", "a-long-password"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                .user(name).password("a-long-password")).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));

        for (int i = 0; i < 5; i++) {
            mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                    .formLogin("/login").user(name).password("wrong"));
        }
        mvc.perform(get("/admin/users").with(admin)).andExpect(content().string(containsString("已锁定")));
        Long id = orgMapper.findUserByUsername(name).id();
        mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                .user(name).password("a-long-password")).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
    }

    @Autowired org.perfeval.organisation.OrgMapper orgMapper;

    @Test
    void auditAndOverdueExportAreWorkbooksWithTheirHeadings() throws Exception {
        TestOrg.World w = testOrg.create();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        for (String[] export : new String[][] {{"/admin/audit/export", "操作人"}, {"/overdue/export", "逾期天数"}, {"/follow-ups/export", "整改期限"}}) {
            byte[] xlsx = mvc.perform(get(export[0]).with(admin)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                var head = book.getSheetAt(0).getRow(0);
                boolean found = false;
                for (var cell : head) {
                    found |= export[1].equals(cell.getStringCellValue());
                }
                org.assertj.core.api.Assertions.assertThat(found).as(export[0]).isTrue();
            }
        }
    }

    @Test
    void formsCanBeAddedToARunningCampaign() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "首批项目");
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        mvc.perform(post("/admin/campaigns/" + form.getCampaignId() + "/forms").with(csrf()).with(admin)
                        .param("unit", String.valueOf(w.unitB().id())).param("title", "追加项目"))
                .andExpect(status().is3xxRedirection());
        org.assertj.core.api.Assertions.assertThat(formMapper.findByCampaign(form.getCampaignId()))
                .extracting(FormHeader::getTitle).containsExactly("首批项目", "追加项目");
        mvc.perform(post("/admin/campaigns/" + form.getCampaignId() + "/forms").with(csrf()).with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请至少选择一个单位")));
    }

    @Autowired org.perfeval.form.FormMapper formMapper;
}
