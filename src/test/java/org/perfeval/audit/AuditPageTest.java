package org.perfeval.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

/** The audit page names what an entry is about, pages through the log, and exports in the page's (Beijing) time. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class AuditPageTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog audit;

    @Test
    void entriesNameTheFormAndThePagesAndExportAgree() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "审计名称项目");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        String page = mvc.perform(get("/admin/audit").param("objectId", String.valueOf(form.getId()))
                        .with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        FormHeader header = formMapper.findHeader(form.getId());
        assertThat(page).contains(header.getUnitName() + "《审计名称项目》").doesNotContain(">form " + form.getId() + "<");

        // More entries than a page: a next page with the older ones.
        for (int i = 0; i < AuditController.PAGE_SIZE + 3; i++) {
            audit.event(w.admin().id(), w.admin().displayName(), null, AuditAction.EXPORT, "form", form.getId(), "翻页" + i);
        }
        String first = mvc.perform(get("/admin/audit").param("objectId", String.valueOf(form.getId()))
                        .with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("id=\"audit-next\"").contains("翻页" + (AuditController.PAGE_SIZE + 2))
                .doesNotContain("翻页0<");
        String second = mvc.perform(get("/admin/audit").param("objectId", String.valueOf(form.getId())).param("page", "2")
                        .with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("翻页0<").contains("上一页");

        byte[] xlsx = mvc.perform(get("/admin/audit/export").param("objectId", String.valueOf(form.getId()))
                        .with(user(accounts.loadUserByUsername(w.admin().username()))))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("北京时间");
            Row newest = sheet.getRow(1);
            AuditEntry entry = audit.search(null, null, String.valueOf(form.getId()), null, 1).get(0);
            assertThat(newest.getCell(0).getStringCellValue()).isEqualTo(org.perfeval.shared.Dates.dateTime(entry.at()));
            assertThat(newest.getCell(4).getStringCellValue()).isEqualTo(header.getUnitName() + "《审计名称项目》");
        }
    }
}
