package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.approval.Decision;
import org.perfeval.approval.TaskControl;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * 抄送 and 征求意见 give read access to one form, nothing more: the readers open the form page, and
 * every state-changing endpoint on that form (taken from the application's own mappings, so a new one
 * is covered) refuses them as forbidden or not found, before any business check.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint.NONE)
class CarbonCopyReadOnlyTest {
    /** Reads that merely happen to be posts: scoring the page's unsaved numbers. */
    static final Set<String> READS = Set.of("POST /forms/{id}/preview");

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired UserAccountService accounts;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired TaskControl control;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void copiedAndAskedReadersChangeNothing() throws Exception {
        TestOrg.World w = testOrg.create();
        Long formId = testOrg.openForm(w, "只读抄送测试").getId();
        approval.submit(w.staffA(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
        // Copied at the supervisor's decision (a unit's staff and another department's reviewer); the
        // finance reviewer then asks the other department's reviewer too.
        reviews.decide(w.reviewer1(), formId, new ReviewInput(Decision.APPROVE, Map.of(), null, null),
                List.of(w.staffB().id(), w.reviewer2().id()));
        control.consult(w.finance(), formId, List.of(w.reviewer2().id()), "请提意见");

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Actor reader : List.of(w.staffB(), w.reviewer2())) {
            int page = mvc.perform(get("/forms/" + formId).with(user(accounts.loadUserByUsername(reader.username()))))
                    .andReturn().getResponse().getStatus();
            assertThat(page).as(reader.username() + " reads the form").isEqualTo(200);
            for (String endpoint : formWrites()) {
                String path = endpoint.substring(5).replace("{id}", String.valueOf(formId));
                MockHttpServletRequestBuilder post = path.endsWith("/evidence") || path.endsWith("/import")
                        ? org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
                                .file(new org.springframework.mock.web.MockMultipartFile("file", "a.pdf", "application/pdf",
                                        "%PDF-1.4 x".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                        : request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
                post.with(csrf())
                        .with(user(accounts.loadUserByUsername(reader.username())))
                        .param("version", "0").param("decision", "APPROVE").param("to", String.valueOf(w.reviewer1b().id()))
                        .param("answer", "x").param("reason", "x").param("question", "x")
                        .param("asked", String.valueOf(w.reviewer1b().id()));
                int status = mvc.perform(post).andReturn().getResponse().getStatus();
                checked++;
                // The consultation answer is the one write the asked reviewer may make (one of their own).
                boolean ownAnswer = endpoint.endsWith("/consultation-answer");
                if (status != 403 && status != 404 && !(ownAnswer && status / 100 == 3)) {
                    wrong.add(endpoint + " as " + reader.username() + ": " + status);
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(wrong).isEmpty();
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(org.perfeval.form.FormStatus.FINANCE_REVIEW);
    }

    private Set<String> formWrites() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                String normal = pattern.replaceAll("\\{[^}]+}", "{id}");
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String endpoint = method.name() + " " + normal;
                    if (method != RequestMethod.GET && normal.startsWith("/forms/{id}") && !READS.contains(endpoint)) {
                        endpoints.add(endpoint);
                    }
                }
            }
        }
        return endpoints;
    }
}
