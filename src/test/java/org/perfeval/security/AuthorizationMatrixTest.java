package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request mapping of the application × every role × every kind of form. The endpoint list
 * comes from the application itself, so a new endpoint without a rule here fails the build.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Who { STAFF_A, STAFF_B, REVIEWER_A, REVIEWER_OTHER, FINANCE, ADMIN, ANONYMOUS }

    enum Resource { OWN_DRAFT, FOREIGN_DRAFT, PUBLISHED }

    /** What authorization lets happen; 400/409 and 2xx/3xx all mean "reached the business logic". */
    enum Outcome { PERMITTED, NOT_FOUND, FORBIDDEN, LOGIN }

    interface Rule {
        Outcome expect(Who who, Resource resource);
    }

    static final boolean PDF_FONT = org.perfeval.publication.CjkFont.find(
            org.perfeval.publication.CjkFont.DEFAULT_PATHS) != null;

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired UserAccountService accounts;
    @Autowired org.perfeval.form.EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired org.perfeval.review.ReviewService reviews;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    TestOrg.World w;
    Map<Resource, Long> forms2 = new LinkedHashMap<>();
    Map<Resource, Long> evidence = new LinkedHashMap<>();
    @Autowired org.perfeval.evidence.EvidenceService evidenceService;
    @Autowired org.perfeval.evidence.EvidenceMapper evidenceMapper;

    /** The rules, one per endpoint. Unit A's form is "own" for STAFF_A and REVIEWER_A's department. */
    final Map<String, Rule> rules = Map.ofEntries(
            Map.entry("GET /login", (who, r) -> Outcome.PERMITTED),
            // Says only whether this browser is logged in, with its CSRF token (the in-place login needs it).
            Map.entry("GET /session", (who, r) -> Outcome.PERMITTED),
            Map.entry("GET /public", (who, r) -> Outcome.PERMITTED),
            Map.entry("GET /public/forms/{id}", (who, r) -> r == Resource.PUBLISHED ? Outcome.PERMITTED : Outcome.NOT_FOUND),
            // Without a CJK font installed there is no PDF to download (README: fonts-wqy-microhei).
            Map.entry("GET /public/forms/{id}/pdf", (who, r) -> r == Resource.PUBLISHED && PDF_FONT
                    ? Outcome.PERMITTED : Outcome.NOT_FOUND),
            Map.entry("GET /", (who, r) -> loggedIn(who)),
            Map.entry("GET /tasks", (who, r) -> loggedIn(who)),
            Map.entry("GET /done", (who, r) -> loggedIn(who)),
            Map.entry("GET /forms/{id}", AuthorizationMatrixTest::viewer),
            Map.entry("POST /forms/{id}/preview", AuthorizationMatrixTest::viewer),
            Map.entry("POST /forms/{id}", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("POST /forms/{id}/withdraw", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("POST /forms/{id}/claim", (who, r) -> actor(who, r, Set.of(Who.REVIEWER_A, Who.REVIEWER_OTHER, Who.FINANCE))),
            Map.entry("POST /forms/{id}/review", (who, r) -> actor(who, r, Set.of(Who.REVIEWER_A, Who.REVIEWER_OTHER, Who.FINANCE))),
            // Task controls (issue 15): reviewers reach them on forms they see; reassign also administrators.
            Map.entry("POST /forms/{id}/release", (who, r) -> actor(who, r, REVIEWERS)),
            Map.entry("POST /forms/{id}/transfer", (who, r) -> actor(who, r, REVIEWERS)),
            Map.entry("POST /forms/{id}/delegate", (who, r) -> actor(who, r, REVIEWERS)),
            Map.entry("POST /forms/{id}/resolve", (who, r) -> actor(who, r, REVIEWERS)),
            Map.entry("POST /forms/{id}/reassign", (who, r) -> actor(who, r,
                    Set.of(Who.ADMIN, Who.REVIEWER_A, Who.REVIEWER_OTHER, Who.FINANCE))),
            Map.entry("POST /admin/users/{id}/lead-reviewer", (who, r) -> adminOnly(who)),
            // 撤回审批: reviewers who see the form reach the check (nothing of theirs to recall here: 409).
            Map.entry("POST /forms/{id}/recall", (who, r) -> actor(who, r, Set.of(Who.REVIEWER_A, Who.REVIEWER_OTHER, Who.FINANCE))),
            Map.entry("POST /forms/{id}/consult", (who, r) -> actor(who, r, REVIEWERS)),
            // Only the one asked may answer, and nobody here was asked: refused to whoever sees the form.
            Map.entry("POST /forms/{id}/consultation-answer", (who, r) -> viewer(who, r) == Outcome.PERMITTED
                    ? Outcome.FORBIDDEN : viewer(who, r)),
            // The pickers' search: for whoever may copy or consult on the form's open review task; none of
            // these forms has one, so whoever sees the form is refused and the others are told not found.
            Map.entry("GET /forms/{id}/people", (who, r) -> viewer(who, r) == Outcome.PERMITTED
                    ? Outcome.FORBIDDEN : viewer(who, r)),
            Map.entry("GET /consultations", (who, r) -> loggedIn(who)),
            Map.entry("GET /cc", (who, r) -> loggedIn(who)),
            Map.entry("GET /admin/campaigns", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/campaigns/{id}", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/campaigns", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/forms/{id}/unpublish", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/audit", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/users", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/forms/{id}/correct", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/incidents", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/incidents/{id}/retry", (who, r) -> who == Who.ANONYMOUS ? Outcome.LOGIN
                    : who == Who.ADMIN ? Outcome.NOT_FOUND : Outcome.FORBIDDEN),
            Map.entry("POST /reviews/batch-approve", (who, r) -> who == Who.ANONYMOUS ? Outcome.LOGIN
                    : who == Who.REVIEWER_A || who == Who.REVIEWER_OTHER || who == Who.FINANCE ? Outcome.PERMITTED
                    : Outcome.FORBIDDEN),
            Map.entry("GET /library", (who, r) -> loggedIn(who)),
            Map.entry("GET /library/search", (who, r) -> loggedIn(who)),
            Map.entry("POST /admin/library", (who, r) -> adminOnly(who)),
            Map.entry("GET /follow-ups", (who, r) -> loggedIn(who)),
            Map.entry("GET /follow-ups/export", (who, r) -> loggedIn(who)),
            Map.entry("POST /admin/campaigns/{id}/forms", (who, r) -> adminOnly(who)),
            // Follow-up ids: none exist for these forms, so every logged-in user is told not found.
            Map.entry("POST /follow-ups/{id}/report", (who, r) -> who == Who.ANONYMOUS ? Outcome.LOGIN : Outcome.NOT_FOUND),
            Map.entry("POST /follow-ups/{id}/evidence", (who, r) -> who == Who.ANONYMOUS ? Outcome.LOGIN : Outcome.NOT_FOUND),
            Map.entry("POST /follow-ups/{id}/review", (who, r) -> who == Who.ANONYMOUS ? Outcome.LOGIN : Outcome.NOT_FOUND),
            Map.entry("GET /forms/{id}/export.json", AuthorizationMatrixTest::viewer),
            Map.entry("GET /forms/{id}/export.xlsx", AuthorizationMatrixTest::viewer),
            Map.entry("POST /forms/{id}/import", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("POST /forms/{id}/import/preview", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("POST /forms/{id}/import/confirm", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("GET /forms/{id}/import/preview", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("GET /admin/campaigns/{id}/export.xlsx", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/campaigns/{id}/import", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/campaigns/{id}/import", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/campaigns/{id}/import/confirm", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/campaigns/{id}/deadlines", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/campaigns/{id}/close", (who, r) -> adminOnly(who)),
            Map.entry("GET /notifications", (who, r) -> loggedIn(who)),
            Map.entry("POST /notifications/{id}/read", (who, r) -> loggedIn(who)),
            Map.entry("POST /notifications/read-all", (who, r) -> loggedIn(who)),
            Map.entry("GET /overdue", (who, r) -> reviewersAndAdmin(who)),
            Map.entry("GET /overdue/export", (who, r) -> reviewersAndAdmin(who)),
            Map.entry("POST /overdue/remind-all", (who, r) -> who == Who.ANONYMOUS ? Outcome.LOGIN
                    : who == Who.ADMIN || who == Who.REVIEWER_A || who == Who.REVIEWER_OTHER ? Outcome.PERMITTED : Outcome.FORBIDDEN),
            Map.entry("POST /forms/{id}/remind", (who, r) -> actor(who, r, Set.of(Who.ADMIN, Who.REVIEWER_A, Who.REVIEWER_OTHER))),
            Map.entry("POST /admin/users", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/units", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/{id}/unlock", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/{id}/email", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/users/{id}", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/{id}", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/{id}/enabled", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/{id}/password-reset", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/users/import", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/import", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/users/import/confirm", (who, r) -> adminOnly(who)),
            Map.entry("GET /account/password", (who, r) -> loggedIn(who)),
            Map.entry("POST /account/password", (who, r) -> loggedIn(who)),
            Map.entry("POST /admin/login-addresses/unblock", (who, r) -> who == Who.ADMIN ? Outcome.NOT_FOUND : adminOnly(who)),
            Map.entry("POST /forms/{id}/evidence", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            // For these {id} is the evidence file attached to the form of that kind.
            Map.entry("GET /evidence/{id}", AuthorizationMatrixTest::viewer),
            Map.entry("POST /evidence/{id}/delete", (who, r) -> actor(who, r, Set.of(Who.STAFF_A, Who.STAFF_B))),
            Map.entry("GET /admin/audit/export", (who, r) -> adminOnly(who)),
            // Lists: each signed-in user within the access policy's scope (FormSearchTest checks the scope).
            Map.entry("GET /mine", (who, r) -> loggedIn(who)),
            // 作废 / 重新开放: administrators only (a refused step is re-shown with its reason, 4xx = reached).
            Map.entry("GET /admin/forms/{id}/cancel", (who, r) -> adminOnly(who)),
            // Unit tree editing: administrators only ({id} is a unit that does not exist: an admin is told not found).
            Map.entry("GET /admin/units", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/units/new", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/units/{id}/move", (who, r) -> who == Who.ADMIN ? Outcome.NOT_FOUND : adminOnly(who)),
            Map.entry("POST /admin/units/{id}/rename", (who, r) -> who == Who.ADMIN ? Outcome.NOT_FOUND : adminOnly(who)),
            Map.entry("POST /admin/units/{id}/enabled", (who, r) -> who == Who.ADMIN ? Outcome.NOT_FOUND : adminOnly(who)),
            Map.entry("GET /admin/units/import", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/units/import", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/units/import/confirm", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/forms/{id}/cancel", (who, r) -> adminOnly(who)),
            Map.entry("GET /admin/forms/{id}/reopen", (who, r) -> adminOnly(who)),
            Map.entry("POST /admin/forms/{id}/reopen", (who, r) -> adminOnly(who)),
            Map.entry("GET /forms/{id}/print", AuthorizationMatrixTest::viewer),
            Map.entry("GET /search", (who, r) -> loggedIn(who)),
            Map.entry("GET /search/export", (who, r) -> loggedIn(who)));

    static final Set<Who> REVIEWERS = Set.of(Who.REVIEWER_A, Who.REVIEWER_OTHER, Who.FINANCE);

    static Outcome loggedIn(Who who) {
        return who == Who.ANONYMOUS ? Outcome.LOGIN : Outcome.PERMITTED;
    }

    static Outcome reviewersAndAdmin(Who who) {
        return who == Who.ANONYMOUS ? Outcome.LOGIN
                : who == Who.STAFF_A || who == Who.STAFF_B ? Outcome.FORBIDDEN : Outcome.PERMITTED;
    }

    static Outcome adminOnly(Who who) {
        return who == Who.ANONYMOUS ? Outcome.LOGIN : who == Who.ADMIN ? Outcome.PERMITTED : Outcome.FORBIDDEN;
    }

    static boolean canView(Who who, Resource r) {
        return switch (who) {
            case STAFF_A, REVIEWER_A -> r != Resource.FOREIGN_DRAFT;
            case STAFF_B, REVIEWER_OTHER -> r == Resource.FOREIGN_DRAFT;
            case FINANCE, ADMIN -> true;
            case ANONYMOUS -> false;
        };
    }

    static Outcome viewer(Who who, Resource r) {
        if (who == Who.ANONYMOUS) {
            return Outcome.LOGIN;
        }
        return canView(who, r) ? Outcome.PERMITTED : Outcome.NOT_FOUND;
    }

    static Outcome actor(Who who, Resource r, Set<Who> roles) {
        Outcome view = viewer(who, r);
        if (view != Outcome.PERMITTED) {
            return view;
        }
        return roles.contains(who) ? Outcome.PERMITTED : Outcome.FORBIDDEN;
    }

    @BeforeAll
    void setUp() {
        w = testOrg.create();
        forms2.put(Resource.OWN_DRAFT, testOrg.openForm(w, "矩阵本单位草稿").getId());
        FormHeader foreign = testOrg.openFormFor(w, w.unitB().id(), "矩阵外单位草稿");
        forms2.put(Resource.FOREIGN_DRAFT, foreign.getId());
        Long published = testOrg.openForm(w, "矩阵已公开").getId();
        evidence.put(Resource.OWN_DRAFT, attach(w.staffA(), forms2.get(Resource.OWN_DRAFT)));
        evidence.put(Resource.FOREIGN_DRAFT, attach(w.staffB(), forms2.get(Resource.FOREIGN_DRAFT)));
        evidence.put(Resource.PUBLISHED, attach(w.staffA(), published));
        approval.submit(w.staffA(), published, formMapper.findHeader(published).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), published, new org.perfeval.review.ReviewInput(
                org.perfeval.approval.Decision.APPROVE, Map.of(), null, null));
        reviews.decide(w.finance(), published, new org.perfeval.review.ReviewInput(
                org.perfeval.approval.Decision.APPROVE, Map.of(), null, null));
        forms2.put(Resource.PUBLISHED, published);
    }

    /** A permitted delete removes the file; the next cell needs one again. */
    private void reattachIfDeleted(Resource resource) {
        if (resource != Resource.PUBLISHED && evidenceMapper.find(evidence.get(resource)) == null) {
            Actor staff = resource == Resource.OWN_DRAFT ? w.staffA() : w.staffB();
            evidence.put(resource, attach(staff, forms2.get(resource)));
        }
    }

    private Long attach(Actor staff, Long formId) {
        try {
            byte[] pdf = "%PDF-1.4 matrix".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return evidenceService.upload(staff, formId, null, "证明.pdf", pdf.length,
                    new java.io.ByteArrayInputStream(pdf)).id();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = endpoints();
        assertThat(endpoints).isNotEmpty();
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(rules.keySet());
        assertThat(missing).as("endpoints without an authorization rule in this test").isEmpty();
        Set<String> stale = new TreeSet<>(rules.keySet());
        stale.removeAll(endpoints);
        assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyCellAnswersAsTheRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String endpoint : endpoints()) {
            Rule rule = rules.get(endpoint);
            if (rule == null) {
                continue;
            }
            for (Who who : Who.values()) {
                for (Resource resource : Resource.values()) {
                    Outcome expected = rule.expect(who, resource);
                    if (endpoint.startsWith("POST /evidence/")) {
                        reattachIfDeleted(resource);
                    }
                    // Each {id} names a thing of its own kind: a user, a follow-up item, an evidence file,
                    // a campaign, or else the form of that kind.
                    Long id = endpoint.contains(" /admin/users/") ? w.staffA().id()
                            : endpoint.contains(" /follow-ups/") || endpoint.contains(" /admin/units/{id}") ? -1L - resource.ordinal()
                            : endpoint.contains(" /evidence/") ? evidence.get(resource)
                            : endpoint.contains(" /admin/campaigns/") ? formMapper.findHeader(forms2.get(resource)).getCampaignId()
                            : forms2.get(resource);
                    Outcome actual = call(endpoint, who, id);
                    cells++;
                    if (expected != actual) {
                        wrong.add(endpoint + " as " + who + " on " + resource + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        System.out.println("authorization matrix: " + cells + " cells checked");
        assertThat(wrong).isEmpty();
    }

    @Test
    void listsShowNoForeignRows() throws Exception {
        String inbox = mvc.perform(request(HttpMethod.GET, "/tasks").with(user(accounts.loadUserByUsername(w.staffB().username()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("矩阵外单位草稿").doesNotContain("矩阵本单位草稿");
        String reviewerInbox = mvc.perform(request(HttpMethod.GET, "/tasks")
                        .with(user(accounts.loadUserByUsername(w.reviewer2().username()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(reviewerInbox).doesNotContain("矩阵本单位草稿").doesNotContain("矩阵已公开");
    }

    private Outcome call(String endpoint, Who who, Long formId) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{id}", String.valueOf(formId));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path);
        if (!parts[0].equals("GET")) {
            request.with(csrf());
        }
        if (path.endsWith("/preview")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        } else if (path.endsWith("/import")) {
            request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "a.json", "application/json",
                            "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).param("version", "0").with(csrf());
        } else if (path.endsWith("/evidence")) {
            request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "a.pdf", "application/pdf",
                            "%PDF-1.4 x".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).with(csrf());
        } else if (parts[0].equals("POST")) {
            request.param("version", "0").param("name", "").param("formType", "PROJECT").param("form", "0").param("status", "DONE").param("note", "x");
        }
        Actor actor = actor(who);
        if (actor != null) {
            request.with(user(accounts.loadUserByUsername(actor.username())));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        if (status == 404) {
            return Outcome.NOT_FOUND;
        }
        if (status == 403 || status == 401) {
            return Outcome.FORBIDDEN;
        }
        if (status == 302 && response.getRedirectedUrl() != null && response.getRedirectedUrl().contains("/login")
                && !path.equals("/login")) {
            return Outcome.LOGIN;
        }
        return Outcome.PERMITTED;
    }

    private Actor actor(Who who) {
        return switch (who) {
            case STAFF_A -> w.staffA();
            case STAFF_B -> w.staffB();
            case REVIEWER_A -> w.reviewer1();
            case REVIEWER_OTHER -> w.reviewer2();
            case FINANCE -> w.finance();
            case ADMIN -> w.admin();
            case ANONYMOUS -> null;
        };
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern.replaceAll("\\{[^}]+}", "{id}"));
                }
            }
        }
        return endpoints;
    }
}
