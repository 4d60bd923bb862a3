package org.perfeval.formpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.excel.PrintedForms;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStore;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.shared.Actor;
import org.perfeval.support.Fixtures;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The sheet import attacked: another unit's staff with a stolen token, a token carried to another form,
 * and twenty confirmations of one preview at once (as twenty requests that each loaded the session
 * from the database would be) import once, refuse the rest in Chinese, and never answer 500.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class SheetImportAttackTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired FormStore store;
    @Autowired JdbcTemplate jdbc;

    @Test
    void foreignStaffAndOtherFormsCannotUseAPreviewAndTwentyConfirmationsImportOnce() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "导入攻击项目");
        FormHeader second = testOrg.openForm(w, "导入攻击另一项目");
        EvaluationForm sheetForm = Fixtures.clean();
        sheetForm.setTitle("导入攻击项目");
        byte[] sheet = PrintedForms.anhuiProject(sheetForm, false, null);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse preview = mvc.perform(multipart("/forms/" + form.getId() + "/import/preview")
                        .file(new MockMultipartFile("file", "表.xlsx", "application/octet-stream", sheet))
                        .param("version", String.valueOf(version(form))).session(session).with(as(w.staffA())).with(csrf()))
                .andReturn().getResponse();
        assertThat(preview.getStatus()).isEqualTo(302);
        String page = mvc.perform(get("/forms/" + form.getId() + "/import/preview").session(session).with(as(w.staffA())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        String before = contentOf(form);

        // Another unit's staff, even in a session that holds the preview, is refused before the token is read.
        MockHttpServletResponse foreign = mvc.perform(post("/forms/" + form.getId() + "/import/confirm").param("token", token)
                .session(copyOf(session)).with(as(w.staffB())).with(csrf())).andReturn().getResponse();
        assertThat(foreign.getStatus()).isIn(403, 404);
        MockHttpServletResponse foreignPreview = mvc.perform(get("/forms/" + form.getId() + "/import/preview")
                .session(copyOf(session)).with(as(w.staffB()))).andReturn().getResponse();
        assertThat(foreignPreview.getStatus()).isIn(403, 404);
        // The token of one form does not import into another form of the same unit.
        MockHttpServletResponse elsewhere = mvc.perform(post("/forms/" + second.getId() + "/import/confirm").param("token", token)
                .session(copyOf(session)).with(as(w.staffA())).with(csrf())).andReturn().getResponse();
        assertThat(elsewhere.getStatus()).isEqualTo(400);
        assertThat(elsewhere.getContentAsString(StandardCharsets.UTF_8)).contains("没有待确认的导入");
        assertThat(contentOf(form)).isEqualTo(before);

        // Twenty confirmations at once, each with its own copy of the session (as each request loads it).
        int version = version(form);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            MockHttpSession copy = copyOf(session);
            answers.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/forms/" + form.getId() + "/import/confirm").param("token", token)
                        .session(copy).with(as(w.staffA())).with(csrf())).andReturn().getResponse();
            }));
        }
        start.countDown();
        int imported = 0;
        for (Future<MockHttpServletResponse> answer : answers) {
            MockHttpServletResponse response = answer.get();
            assertThat(response.getStatus()).as("no 500 from a repeated confirmation").isLessThan(500);
            if (response.getStatus() == 302) {
                imported++;
            } else {
                assertThat(response.getStatus()).isEqualTo(409);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).containsPattern("[\\u4e00-\\u9fa5]");
            }
        }
        pool.shutdown();
        assertThat(imported).isEqualTo(1);
        assertThat(version(form)).isEqualTo(version + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND object_id = ?",
                Integer.class, String.valueOf(form.getId()))).isEqualTo(1);
        // Blank names come back as empty cells.
        assertThat(store.content(form.getId()).getIndicators()).extracting(i -> i.getName() == null ? "" : i.getName())
                .containsExactlyElementsOf(sheetForm.getIndicators().stream().map(i -> i.getName() == null ? "" : i.getName()).toList());
    }

    private static MockHttpSession copyOf(MockHttpSession session) {
        MockHttpSession copy = new MockHttpSession();
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            copy.setAttribute(name, session.getAttribute(name));
        }
        return copy;
    }

    private String contentOf(FormHeader form) {
        return org.perfeval.exchange.json.ExchangeJson.writeForm(store.content(form.getId()));
    }

    private int version(FormHeader form) {
        return jdbc.queryForObject("SELECT version FROM evaluation_form WHERE id = ?", Integer.class, form.getId());
    }

    private RequestPostProcessor as(Actor actor) {
        return user(accounts.loadUserByUsername(actor.username()));
    }
}
