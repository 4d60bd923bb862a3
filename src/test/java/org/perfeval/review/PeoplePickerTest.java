package org.perfeval.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.approval.TaskControl;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pickers of 抄送 and 征求意见. GET /forms/{id}/people, their search: the same people the posts
 * accept, a page of 20 read with a LIMIT, what is typed taken literally, and only for whoever may
 * copy or consult on the task. Without script the text box posts login names (unit names or codes
 * for units) that the server resolves; what it refuses is said beside the box with the text kept.
 */
@PerfevalTest
@AutoConfigureMockMvc
class PeoplePickerTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired UserAccountService accounts;
    @Autowired Approval approval;
    @Autowired TaskControl control;
    @Autowired OrgAdminService org;
    @Autowired ObjectMapper json;

    TestOrg.World w;
    Long formId;
    String formPage;
    /** What this world's user names and unit codes share, and no other test's. */
    String suffix;

    @BeforeEach
    void formClaimedByTheFirstReviewer() {
        w = testOrg.create();
        suffix = w.unitA().code().substring(3);
        formId = testOrg.openForm(w, "选人测试").getId();
        formPage = "/forms/" + formId;
        approval.submit(w.staffA(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
        approval.claim(w.reviewer1(), formId);
    }

    @Test
    void answersTheSamePeopleThePostsAcceptAndNoMoreAboutThem() throws Exception {
        Actor gone = org.actorOf(org.createUser("gone-" + suffix, "已停用" + suffix, w.unitB(), Role.UNIT_STAFF,
                TestOrg.PASSWORD));
        org.setEnabled(w.admin(), gone.id(), false);

        List<Map<String, Object>> copy = items(w.reviewer1(), "copy", suffix);
        assertThat(copy).extracting(m -> m.get("code")).containsExactlyInAnyOrder(w.staffA().username(),
                w.staffB().username(), w.reviewer1b().username(), w.reviewer2().username(), w.finance().username(),
                w.admin().username());
        // Name, login name and unit name with the id: no e-mail, role, password hash or state.
        assertThat(copy).allSatisfy(m -> assertThat(m).containsOnlyKeys("id", "name", "code", "unit"));
        assertThat(copy).filteredOn(m -> m.get("code").equals(w.staffB().username())).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("name", "乙填报").containsEntry("unit", w.unitB().name())
                        .containsEntry("id", w.staffB().id().intValue()));

        assertThat(items(w.reviewer1(), "expert", suffix)).extracting(m -> m.get("code"))
                .containsExactlyInAnyOrder(w.reviewer1b().username(), w.reviewer2().username(), w.finance().username());
        // Units with an enabled user, each with the unit above it.
        assertThat(items(w.reviewer1(), "unit", suffix)).extracting(m -> m.get("code")).containsExactlyInAnyOrder(
                w.unitA().code(), w.unitB().code(), w.dept1().code(), w.dept2().code(), "cz-" + suffix);
        assertThat(items(w.reviewer1(), "unit", w.unitB().code())).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("name", w.unitB().name()).containsEntry("unit", w.dept2().name()));

        // By name and by unit name too; the exact login name comes first.
        assertThat(items(w.reviewer1(), "copy", w.unitB().name())).extracting(m -> m.get("code"))
                .containsExactly(w.staffB().username());
        // (Every test's unit B has a 乙填报: a name of this test's own is searched for.)
        Actor named = org.actorOf(org.createUser("named-" + suffix, "专名" + suffix, w.unitB(), Role.UNIT_STAFF,
                TestOrg.PASSWORD));
        assertThat(items(w.reviewer1(), "copy", "专名" + suffix)).extracting(m -> m.get("code"))
                .containsExactly(named.username());
        assertThat(items(w.reviewer1(), "copy", w.reviewer1b().username().toUpperCase()).get(0))
                .containsEntry("code", w.reviewer1b().username());
    }

    @Test
    void neverOneself() throws Exception {
        assertThat(items(w.reviewer1(), "copy", w.reviewer1().username())).isEmpty();
        assertThat(items(w.reviewer1(), "expert", w.reviewer1().username())).isEmpty();
    }

    @Test
    void twentyAtMostWithMoreSaidHoweverShortTheText() throws Exception {
        OrgAdminService.PasswordHash hash = org.passwordHash(TestOrg.PASSWORD);
        for (int i = 0; i < 25; i++) {
            org.createUser("many" + i + "-" + suffix, "同名" + suffix, w.unitB(), Role.UNIT_STAFF, hash);
        }
        Map<String, Object> found = search(w.reviewer1(), "copy", "同名" + suffix);
        assertThat((List<?>) found.get("items")).hasSize(20);
        assertThat(found).containsEntry("more", true);
        // Empty and one-character texts answer a page, never the whole organisation.
        for (String text : new String[] {"", "m", "同"}) {
            assertThat((List<?>) search(w.reviewer1(), "copy", text).get("items")).as("「" + text + "」").hasSizeBetween(1, 20);
        }
        assertThat(search(w.reviewer1(), "copy", "many0-" + suffix)).containsEntry("more", false);
    }

    @Test
    void percentAndUnderscoreAreTakenLiterally() throws Exception {
        OrgAdminService.PasswordHash hash = org.passwordHash(TestOrg.PASSWORD);
        org.createUser("pct-" + suffix, "百分%号" + suffix, w.unitB(), Role.UNIT_STAFF, hash);
        org.createUser("pcx-" + suffix, "百分之号" + suffix, w.unitB(), Role.UNIT_STAFF, hash);
        org.createUser("und_" + suffix, "下划_线" + suffix, w.unitB(), Role.UNIT_STAFF, hash);
        org.createUser("undx" + suffix, "下划之线" + suffix, w.unitB(), Role.UNIT_STAFF, hash);

        assertThat(items(w.reviewer1(), "copy", "百分%号" + suffix)).extracting(m -> m.get("code"))
                .containsExactly("pct-" + suffix);
        assertThat(items(w.reviewer1(), "copy", "下划_线" + suffix)).extracting(m -> m.get("code"))
                .containsExactly("und_" + suffix);
        assertThat(items(w.reviewer1(), "copy", "und_" + suffix)).extracting(m -> m.get("code"))
                .containsExactly("und_" + suffix);
        assertThat(items(w.reviewer1(), "copy", "%" + suffix)).isEmpty();
        assertThat(items(w.reviewer1(), "copy", "\\" + suffix)).isEmpty();
    }

    @Test
    void onlyWhoeverMayCopyOrConsultOnTheOpenTaskIsAnswered() throws Exception {
        // The colleague while the task is claimed, the unit's staff, finance (not its stage): refused.
        for (Actor refused : List.of(w.reviewer1b(), w.staffA(), w.finance(), w.admin())) {
            assertThat(call(refused, "copy", suffix).getStatus()).as(refused.username()).isEqualTo(403);
        }
        // Another department's reviewer does not see the form: not found, as the form page says.
        assertThat(call(w.reviewer2(), "copy", suffix).getStatus()).isEqualTo(404);
        assertThat(call(w.reviewer2(), "expert", suffix).getStatus()).isEqualTo(404);
        // A reader by 征求意见 sees the form page but picks nobody.
        control.consult(w.reviewer1(), formId, List.of(w.reviewer2().id()), "请看看");
        assertThat(call(w.reviewer2(), "copy", suffix).getStatus()).isEqualTo(403);
        // Delegated, neither the delegator nor the delegate copies or asks.
        control.delegate(w.reviewer1(), formId, w.reviewer1b().id(), null);
        assertThat(call(w.reviewer1(), "copy", suffix).getStatus()).isEqualTo(403);
        assertThat(call(w.reviewer1b(), "expert", suffix).getStatus()).isEqualTo(403);
        // Not logged in: the login page.
        assertThat(mvc.perform(get(formPage + "/people").param("kind", "copy")).andReturn().getResponse()
                .getRedirectedUrl()).contains("/login");
    }

    @Test
    void aKindItDoesNotKnowIsABadRequestInChinese() throws Exception {
        MockHttpServletResponse bad = call(w.reviewer1(), "everyone", "");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("查找类型无效");
    }

    // --- without script: typed names

    @Test
    void typedLoginNamesAreCopiedWithTheDecision() throws Exception {
        // Any case, separated by 顿号, commas or spaces.
        MvcResult done = mvc.perform(decide(w.staffB().username().toUpperCase() + "、 " + w.reviewer2().username() + ",")
                .param("ccUnitNames", w.dept2().code())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
        assertThat(control.copiedTo(w.staffB())).extracting(c -> c.formId()).containsExactly(formId);
        assertThat(control.copiedTo(w.reviewer2())).extracting(c -> c.formId()).containsExactly(formId);
        assertThat(control.copiedTo(w.staffA())).isEmpty();
    }

    @Test
    void anUnknownNameIsToldBesideTheBoxWithWhatWasTypedKept() throws Exception {
        String typed = "nobody-" + w.unitA().code() + " " + w.staffB().username();
        MvcResult refused = mvc.perform(decide(typed).header("Referer", "http://localhost" + formPage)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(303);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(formPage);
        // Nothing decided, nobody copied.
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);
        assertThat(control.copiedTo(w.staffB())).isEmpty();

        String picker = ccChoice(refused);
        assertThat(picker).contains("value=\"" + typed + "\"",
                "没有登录名为“nobody-" + w.unitA().code() + "”的用户（请填写登录名，不是姓名）", "aria-invalid=\"true\"");
    }

    @Test
    void oneselfADisabledUserAndAnAmbiguousUnitNameAreToldToo() throws Exception {
        Actor gone = org.actorOf(org.createUser("gone-" + w.unitA().code(), "已停用", w.unitB(), Role.UNIT_STAFF,
                TestOrg.PASSWORD));
        org.setEnabled(w.admin(), gone.id(), false);
        String office = "办公室" + w.unitA().code();
        OrgUnit one = org.createUnit("of1-" + w.unitA().code(), office, UnitKind.UNIT, w.dept1());
        OrgUnit two = org.createUnit("of2-" + w.unitA().code(), office, UnitKind.UNIT, w.dept2());
        Actor inOne = org.actorOf(org.createUser("o1-" + w.unitA().code(), "一办", one, Role.UNIT_STAFF, TestOrg.PASSWORD));
        Actor inTwo = org.actorOf(org.createUser("o2-" + w.unitA().code(), "二办", two, Role.UNIT_STAFF, TestOrg.PASSWORD));

        MvcResult refused = mvc.perform(decide(w.reviewer1().username() + "，" + gone.username())
                .param("ccUnitNames", office).header("Referer", "http://localhost" + formPage)).andReturn();
        String picker = ccChoice(refused);
        assertThat(picker).contains("不能抄送给自己", "“" + gone.username() + "”已停用",
                "有 2 个单位名为“" + office + "”，请改填单位编码：" + one.code() + "（" + w.dept1().name() + "）、"
                        + two.code() + "（" + w.dept2().name() + "）", "value=\"" + office + "\"");
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.SUPERVISOR_REVIEW);

        // By its code the unit is found, and its user copied.
        mvc.perform(decide("").param("ccUnitNames", two.code())).andReturn();
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
        assertThat(control.copiedTo(inTwo)).extracting(c -> c.formId()).containsExactly(formId);
        assertThat(control.copiedTo(inOne)).isEmpty();
    }

    @Test
    void typedReviewersAreAskedAndSomeoneElseIsToldBesideTheBox() throws Exception {
        MvcResult refused = mvc.perform(consult(w.staffA().username() + " " + w.reviewer2().username())).andReturn();
        String again = mvc.perform(get(formPage).flashAttrs(refused.getFlashMap()).with(as(w.reviewer1())))
                .andReturn().getResponse().getContentAsString();
        String picker = again.substring(again.indexOf("id=\"consult-form\""));
        assertThat(picker.substring(0, picker.indexOf("</form>"))).contains(
                "“" + w.staffA().username() + "”不是审核人，只能向在用的审核人征求意见",
                "value=\"" + w.staffA().username() + " " + w.reviewer2().username() + "\"", "请看预算");
        assertThat(control.consultationsOf(w.reviewer1(), formId)).isEmpty();

        mvc.perform(consult(w.reviewer2().username() + "、" + w.finance().username())).andReturn();
        assertThat(control.consultationsOf(w.reviewer1(), formId)).extracting(c -> c.askedId())
                .containsExactlyInAnyOrder(w.reviewer2().id(), w.finance().id());
    }

    private MockHttpServletRequestBuilder decide(String ccNames) {
        return post(formPage + "/review").with(csrf()).with(as(w.reviewer1()))
                .param("decision", "APPROVE").param("ccNames", ccNames);
    }

    private MockHttpServletRequestBuilder consult(String askedNames) {
        return post(formPage + "/consult").with(csrf()).with(as(w.reviewer1()))
                .param("askedNames", askedNames).param("question", "请看预算");
    }

    /** The 抄送 pickers of the form page a refused decision came back to. */
    private String ccChoice(MvcResult refused) throws Exception {
        String page = mvc.perform(get(formPage).flashAttrs(refused.getFlashMap()).with(as(w.reviewer1())))
                .andReturn().getResponse().getContentAsString();
        String from = page.substring(page.indexOf("id=\"cc-choice\""));
        return from.substring(0, from.indexOf("</fieldset>"));
    }

    private RequestPostProcessor as(Actor actor) {
        return user(accounts.loadUserByUsername(actor.username()));
    }

    private List<Map<String, Object>> items(Actor who, String kind, String q) throws Exception {
        return json.convertValue(search(who, kind, q).get("items"), new TypeReference<List<Map<String, Object>>>() { });
    }

    private Map<String, Object> search(Actor who, String kind, String q) throws Exception {
        MockHttpServletResponse response = call(who, kind, q);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readValue(response.getContentAsString(), new TypeReference<Map<String, Object>>() { });
    }

    private MockHttpServletResponse call(Actor who, String kind, String q) throws Exception {
        return mvc.perform(get(formPage + "/people").param("kind", kind).param("q", q)
                        .accept(MediaType.APPLICATION_JSON).with(as(who)))
                .andReturn().getResponse();
    }
}
