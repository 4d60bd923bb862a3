package org.perfeval.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.perfeval.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Administrators edit, disable, reset and import users; users change their own password under the policy. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class UserManagementTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired OrgMapper orgMapper;
    @Autowired OrgAdminService org;
    @Autowired JdbcTemplate jdbc;

    @Test
    void adminEditsAUserAndBadInputKeepsWhatWasTyped() throws Exception {
        TestOrg.World w = testOrg.create();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        Long id = w.staffA().id();
        String page = body(mvc.perform(post("/admin/users/" + id).with(admin).with(csrf())
                .param("displayName", "名".repeat(101)).param("unitId", String.valueOf(w.dept1().id()))
                .param("role", "FINANCE_REVIEWER").param("email", "不是邮箱")).andReturn().getResponse(), 400);
        assertThat(page).contains("姓名不能超过 100 个字").contains("与单位").contains("电子邮箱格式不正确")
                .contains("value=\"" + "名".repeat(101) + "\"");
        assertThat(orgMapper.findUser(id).displayName()).isEqualTo(w.staffA().displayName());

        mvc.perform(post("/admin/users/" + id).with(admin).with(csrf()).param("displayName", "甲改名")
                .param("unitId", String.valueOf(w.dept1().id())).param("role", "SUPERVISOR_REVIEWER")
                .param("email", "jia@example.cn")).andReturn();
        AppUser edited = orgMapper.findUser(id);
        assertThat(edited.displayName()).isEqualTo("甲改名");
        assertThat(edited.unitId()).isEqualTo(w.dept1().id());
        assertThat(edited.role()).isEqualTo(Role.SUPERVISOR_REVIEWER);
        assertThat(edited.email()).isEqualTo("jia@example.cn");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND detail LIKE '修改用户%'",
                Integer.class, w.staffA().username())).isEqualTo(1);
    }

    @Test
    void aDisabledUserCannotLogInUntilReEnabled() throws Exception {
        TestOrg.World w = testOrg.create();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        String name = w.staffB().username();
        mvc.perform(post("/admin/users/" + w.staffB().id() + "/enabled").with(admin).with(csrf()).param("enabled", "false"));
        assertThat(login(name, TestOrg.PASSWORD, "10.70.0.1").getResponse().getRedirectedUrl()).isEqualTo("/login?disabled");
        // A wrong password for a disabled account says only "wrong": the state is told to the password's holder only.
        assertThat(login(name, "wrong-password", "10.70.0.1").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        mvc.perform(post("/admin/users/" + w.staffB().id() + "/enabled").with(admin).with(csrf()).param("enabled", "true"));
        assertThat(login(name, TestOrg.PASSWORD, "10.70.0.1").getResponse().getRedirectedUrl()).isEqualTo("/");
        // An administrator cannot disable themself.
        assertThat(mvc.perform(post("/admin/users/" + w.admin().id() + "/enabled").with(admin).with(csrf())
                .param("enabled", "false")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextLoginUnderThePolicy() throws Exception {
        TestOrg.World w = testOrg.create();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        MvcResult reset = mvc.perform(post("/admin/users/" + w.reviewer2().id() + "/password-reset").with(admin).with(csrf()))
                .andReturn();
        String password = (String) reset.getFlashMap().get("newPassword");
        assertThat(password).hasSize(20);
        assertThat(login(w.reviewer2().username(), TestOrg.PASSWORD, "10.71.0.1").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        MvcResult in = login(w.reviewer2().username(), password, "10.71.0.1");
        assertThat(in.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        MockHttpSession session = (MockHttpSession) in.getRequest().getSession();
        assertThat(mvc.perform(get("/tasks").session(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");

        String name = w.reviewer2().username();
        String[][] refused = {
                {"short", "short", "密码至少 10 个字符"},
                {name, name, "密码不能与用户名相同"},
                {"perfeval2024", "perfeval2024", "不能使用演示环境的公开密码"},
                {"a-good-password-1", "a-different-one-2", "两次输入的新密码不一致"},
        };
        for (String[] r : refused) {
            String page = body(mvc.perform(post("/account/password").session(session).with(csrf()).param("current", password)
                    .param("password", r[0]).param("repeated", r[1])).andReturn().getResponse(), 400);
            assertThat(page).as(r[2]).contains(r[2]);
        }
        assertThat(body(mvc.perform(post("/account/password").session(session).with(csrf()).param("current", "wrong")
                .param("password", "a-good-password-1").param("repeated", "a-good-password-1")).andReturn().getResponse(), 400))
                .contains("当前密码不正确");
        assertThat(mvc.perform(post("/account/password").session(session).with(csrf()).param("current", password)
                .param("password", "a-good-password-1").param("repeated", "a-good-password-1")).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/tasks").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(orgMapper.findUserByUsername(name).mustChangePassword()).isFalse();
        assertThat(login(name, "a-good-password-1", "10.71.0.2").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aDemoPasswordCannotLogInOutsideTheDemoProfile() throws Exception {
        TestOrg.World w = testOrg.create();
        String name = "demo-like-" + w.unitA().code();
        org.createUser(name, "演示样", w.unitA(), Role.UNIT_STAFF, PasswordPolicy.DEMO_PASSWORD);
        assertThat(login(name, PasswordPolicy.DEMO_PASSWORD, "10.72.0.1").getResponse().getRedirectedUrl())
                .isEqualTo("/login?demo");
        assertThat(body(mvc.perform(get("/login?demo")).andReturn().getResponse(), 200)).contains("演示");
    }

    @Test
    void theFirstStartCreatedOneAdministratorWhoMustChangeThePassword() {
        // The test profile is not the demo profile: the first context on the empty database created it.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'admin' AND role = 'ADMIN'",
                Integer.class)).isEqualTo(1);
        // Users exist now: nothing more is created.
        assertThat(org.createFirstAdministrator()).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'admin'", Integer.class)).isEqualTo(1);
    }

    @Test
    void usersAreImportedFromExcelAfterAPreviewOfTheirProblems() throws Exception {
        TestOrg.World w = testOrg.create();
        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        String s = w.unitA().code();
        byte[] bad = sheet(new String[][] {
                {"imp1-" + s, "导入一", w.unitA().code(), "填报人", "imp1@example.cn"},
                {"imp2-" + s, "导入二", "no-such-unit", "填报人", ""},
                {"imp1-" + s, "导入重复", w.unitA().code(), "填报人", ""},
                {"imp3-" + s, "导入三", w.unitA().code(), "局长", ""},
                {w.staffA().username(), "已存在", w.unitA().code(), "UNIT_STAFF", ""},
        });
        MockHttpSession session = new MockHttpSession();
        String preview = body(mvc.perform(multipart("/admin/users/import").file(new MockMultipartFile("file", "users.xlsx",
                "application/octet-stream", bad)).session(session).with(admin).with(csrf())).andReturn().getResponse(), 400);
        assertThat(preview).contains("单位编码「no-such-unit」不存在").contains("在表格中重复").contains("角色应为")
                .contains("已存在").doesNotContain("确认导入");
        assertThat(orgMapper.findUserByUsername("imp1-" + s)).isNull();

        byte[] good = sheet(new String[][] {
                {"imp1-" + s, "导入一", w.unitA().code(), "填报人", "imp1@example.cn"},
                {"imp4-" + s, "导入四", w.dept1().code(), "主管部门审核人", ""},
        });
        assertThat(body(mvc.perform(multipart("/admin/users/import").file(new MockMultipartFile("file", "users.xlsx",
                "application/octet-stream", good)).session(session).with(admin).with(csrf())).andReturn().getResponse(), 200))
                .contains("没有发现问题").contains("确认导入");
        String done = body(mvc.perform(post("/admin/users/import/confirm").session(session).with(admin).with(csrf()))
                .andReturn().getResponse(), 200);
        assertThat(done).contains("已导入").contains("imp4-" + s);
        AppUser imported = orgMapper.findUserByUsername("imp4-" + s);
        assertThat(imported.role()).isEqualTo(Role.SUPERVISOR_REVIEWER);
        assertThat(imported.mustChangePassword()).isTrue();
        assertThat(orgMapper.findUserByUsername("imp1-" + s).email()).isEqualTo("imp1@example.cn");
        // Not an Excel file: a Chinese message, nothing created.
        assertThat(body(mvc.perform(multipart("/admin/users/import").file(new MockMultipartFile("file", "x.xlsx",
                "application/octet-stream", "不是表格".getBytes(StandardCharsets.UTF_8))).with(admin).with(csrf()))
                .andReturn().getResponse(), 400)).contains("不是 Excel 文件");
    }

    private MvcResult login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn();
    }

    private static String body(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    static byte[] sheet(String[][] rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("用户");
            String[] head = {"用户名", "姓名", "单位编码", "角色", "电子邮箱"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
