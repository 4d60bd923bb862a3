package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.perfeval.approval.Approval;
import org.perfeval.approval.Decision;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every main page fits a laptop (1366×768) and a phone (390×844): the page itself never scrolls
 * sideways (a wide table scrolls inside its own box), and the reviewer reaches the decision from the
 * top of the form. Screenshots of each page at both sizes go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class PageFitBrowserTest {
    static final List<Dimension> SIZES = List.of(new Dimension(1366, 768), new Dimension(390, 844));

    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired org.perfeval.form.FormStore formStore;

    @Test
    void mainPagesHaveNoSidewaysPageScroll() {
        TestOrg.World w = testOrg.create();
        FormHeader draft = testOrg.openForm(w, "页面适配草稿项目");
        formStore.save(draft.getId(), formMapper.findHeader(draft.getId()).getVersion(), Fixtures.clean());
        FormHeader submitted = testOrg.openForm(w, "页面适配审核项目");
        approval.submit(w.staffA(), submitted.getId(), formMapper.findHeader(submitted.getId()).getVersion(),
                Fixtures.clean());
        FormHeader published = testOrg.openForm(w, "页面适配公开项目");
        approval.submit(w.staffA(), published.getId(), formMapper.findHeader(published.getId()).getVersion(),
                Fixtures.clean());
        reviews.decide(w.reviewer1(), published.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(w.finance(), published.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));

        Map<String, List<String>> pagesByLogin = new java.util.LinkedHashMap<>();
        pagesByLogin.put("", List.of("/login", "/public", "/public/forms/" + published.getId()));
        pagesByLogin.put(w.staffA().username(), List.of("/tasks", "/forms/" + draft.getId(), "/done", "/notifications",
                "/library", "/follow-ups"));
        pagesByLogin.put(w.reviewer1().username(), List.of("/tasks", "/forms/" + submitted.getId(), "/overdue"));
        pagesByLogin.put(w.admin().username(), List.of("/admin/campaigns",
                "/admin/campaigns/" + formMapper.findHeader(draft.getId()).getCampaignId(), "/admin/audit",
                "/admin/users"));

        List<String> overflowing = new ArrayList<>();
        try (Browser b = Browser.open(port)) {
            for (Map.Entry<String, List<String>> login : pagesByLogin.entrySet()) {
                if (login.getKey().isEmpty()) {
                    b.driver.manage().deleteAllCookies();
                } else {
                    b.driver.manage().window().setSize(SIZES.get(0));
                    b.login(login.getKey(), TestOrg.PASSWORD);
                }
                for (String path : login.getValue()) {
                    for (Dimension size : SIZES) {
                        b.driver.manage().window().setSize(size);
                        b.go(path);
                        assertThat(b.find(By.tagName("h1")).getText()).as(path).isNotBlank()
                                .doesNotContain("500").doesNotContain("404").doesNotContain("403");
                        long page = ((Number) ((JavascriptExecutor) b.driver).executeScript(
                                "return document.documentElement.scrollWidth;")).longValue();
                        long view = ((Number) ((JavascriptExecutor) b.driver).executeScript(
                                "return document.documentElement.clientWidth;")).longValue();
                        String name = (login.getKey().isEmpty() ? "public" : login.getKey().replaceAll("-.*", ""))
                                + path.replaceAll("[/?=]+", "-").replaceAll("-\\d+", "-id") + "-" + size.getWidth();
                        b.screenshot("fit-" + name);
                        if (page > view) {
                            overflowing.add(path + " as " + login.getKey() + " at " + size.getWidth() + " px: page "
                                    + page + " px wide in a " + view + " px view");
                        }
                    }
                }
            }
            // At 1366 px the indicator table shows names whole: no category or indicator name cut in its box.
            b.driver.manage().window().setSize(SIZES.get(0));
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + draft.getId());
            Object cut = ((JavascriptExecutor) b.driver).executeScript(
                    "return Array.prototype.filter.call(document.querySelectorAll('#indicators input[name$=\".category\"],"
                            + " #indicators input[name$=\".subcategory\"], #indicators input.library-pick'),"
                            + " function (el) { return el.scrollWidth > el.clientWidth + 1; }).map(function (el) { return el.name + '=' + el.value; });");
            assertThat((List<?>) cut).as("indicator names cut at 1366 px").isEmpty();
            // The reviewer reaches the decision from the top of a long form.
            b.driver.manage().window().setSize(SIZES.get(0));
            b.login(w.reviewer1().username(), TestOrg.PASSWORD);
            b.go("/forms/" + submitted.getId());
            b.find(By.id("jump-to-review")).click();
            Number top = (Number) ((JavascriptExecutor) b.driver).executeScript(
                    "return document.getElementById('review').getBoundingClientRect().top;");
            assertThat(top.doubleValue()).isBetween(-5.0, 768.0);
        }
        assertThat(overflowing).isEmpty();
    }
}
