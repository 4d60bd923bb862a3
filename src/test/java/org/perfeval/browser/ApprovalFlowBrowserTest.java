package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A person's way through the flow in a real browser: fill, live score, submit, return, approve, public page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class ApprovalFlowBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired org.perfeval.form.FormStore formStore;

    @Test
    void fillSubmitReturnFixApproveTwiceAndPublish() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "浏览器测试项目");
        prefill(form.getId());
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/tasks");
            b.find(By.linkText("浏览器测试项目")).click();
            b.waiting().until(d -> !b.text(By.id("score-total")).equals("—"));
            String before = b.text(By.id("score-total"));

            // Live score: lower an actual and watch the total change without saving.
            WebElement actual = b.find(By.name("indicators[0].actual"));
            actual.clear();
            actual.sendKeys("50%");
            b.find(By.name("indicators[0].claimedScore")).clear();
            b.find(By.name("indicators[0].claimedScore")).sendKeys("7.5");
            b.waiting().until(d -> !b.text(By.id("score-total")).equals(before));
            assertThat(b.text(By.id("score-total"))).isEqualTo("90.00");
            b.screenshot("form-live-score");

            b.find(By.id("submit-form")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.login(w.reviewer1().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.find(By.cssSelector("input[name=decision][value=RETURN_TO_UNIT]")).click();
            b.find(By.cssSelector("#review-form [name=reason]")).sendKeys("第1项指标未达标，请说明偏差原因");
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            assertThat(b.text(By.id("return-reason"))).contains("请说明偏差原因");
            b.find(By.name("indicators[0].improvement")).sendKeys("下半年新增定点机构已落实");
            b.find(By.id("submit-form")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.login(w.reviewer1().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.find(By.cssSelector("input[name=opt][value='0']")).click();
            b.find(By.name("detail0")).sendKeys("项目执行规范");
            b.find(By.cssSelector("input[name=decision][value=APPROVE]")).click();
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.login(w.finance().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.find(By.cssSelector("input[name=decision][value=APPROVE]")).click();
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.go("/logout-free");
            b.driver.manage().deleteAllCookies();
            b.go("/public/forms/" + form.getId());
            assertThat(b.text(By.id("public-title"))).isEqualTo("浏览器测试项目");
            assertThat(b.text(By.id("public-total"))).isEqualTo("90.00");
            b.screenshot("public-form");
        }
    }

    @Test
    void foreignFormShowsTheChineseNotFoundPage() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "他人的项目");
        try (Browser b = Browser.open(port)) {
            b.login(w.staffB().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            assertThat(b.text(By.tagName("h1"))).contains("404");
            assertThat(b.text(By.id("error-message"))).contains("无权查看");
            b.screenshot("foreign-form-404");
        }
    }

    @Test
    void rowsMoveByKeyboardAndTheirOrderIsSaved() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "排序测试项目");
        prefill(form.getId());
        List<Indicator> before = formStore.content(form.getId()).getIndicators();
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            // Keyboard only: focus the first row's 下移 button and press Enter, then 上移 on the last row.
            b.find(By.cssSelector("#indicators tbody tr:first-child .move-down")).sendKeys(org.openqa.selenium.Keys.ENTER);
            b.find(By.cssSelector("#indicators tbody tr:last-child .move-up")).sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(b.find(By.name("indicators[0].name")).getAttribute("value")).isEqualTo(before.get(1).getName());
            b.find(By.cssSelector("button[name=action][value=save]")).click();
            b.waiting().until(d -> b.text(By.tagName("main")).contains("草稿已保存"));
            b.screenshot("form-rows-moved");
        }
        List<Indicator> after = formStore.content(form.getId()).getIndicators();
        int n = before.size();
        assertThat(after.get(0).getName()).isEqualTo(before.get(1).getName());
        assertThat(after.get(1).getName()).isEqualTo(before.get(0).getName());
        assertThat(after.get(n - 2).getName()).isEqualTo(before.get(n - 1).getName());
        assertThat(after.get(n - 1).getName()).isEqualTo(before.get(n - 2).getName());
    }

    /** Stores the clean fixture as the draft, as if the unit had typed it in earlier. */
    private void prefill(Long formId) {
        EvaluationForm clean = Fixtures.clean();
        List<Indicator> rows = clean.getIndicators();
        assertThat(rows).isNotEmpty();
        clean.setTitle("浏览器测试项目");
        formStore.save(formId, formMapper.findHeader(formId).getVersion(), clean);
    }
}
