package org.perfeval.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

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
import org.springframework.test.web.servlet.MvcResult;

/** 待办 and 已办 say which year a form is for: the same project comes back every year. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ListsShowTheYearTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired UserAccountService accounts;

    @Test
    void doneAndTasksShowTheFiscalYear() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "年度显示项目");
        int year = formMapper.findHeader(form.getId()).getFiscalYear();
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());

        MvcResult done = mvc.perform(get("/done").with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        String donePage = done.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(donePage).contains("<th>年度</th>").containsPattern("<td>" + year + "</td>\\s*<td><a[^>]*>年度显示项目");

        MvcResult tasks = mvc.perform(get("/tasks").with(user(accounts.loadUserByUsername(w.reviewer1().username()))))
                .andReturn();
        assertThat(tasks.getResponse().getStatus()).isEqualTo(200);
        assertThat(tasks.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern(year + "年度 </span><a[^>]*>年度显示项目");
    }
}
