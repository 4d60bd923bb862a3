package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.perfeval.approval.Approval;
import org.perfeval.approval.TaskControl;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.form.WorkflowRecord;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A reviewer's day in a real browser: claim, release, claim again, transfer; the colleague delegates back, the answer, the decision. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class TaskControlBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired Approval approval;
    @Autowired EvaluationFormService forms;
    @Autowired TaskControl control;

    /**
     * Waits for the page after a post to show the text; the old page may go stale while it is read
     * (Chromium then says so as stale, or as a node that "does not belong to the document").
     */
    private static void pageSays(Browser b, String text) {
        b.waiting().ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> b.text(By.tagName("main")).contains(text));
    }

    /** A form of the world, submitted: its id. */
    private Long submitted(TestOrg.World w, String title) {
        Long formId = testOrg.openForm(w, title).getId();
        approval.submit(w.staffA(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
        return formId;
    }

    /** The first reviewer signs in, opens the form page and claims the form there. */
    private static void claimInBrowser(Browser b, TestOrg.World w, String formPage) {
        b.login(w.reviewer1().username(), TestOrg.PASSWORD);
        b.go(formPage);
        b.find(By.id("claim")).click();
        b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("release")));
    }

    @Test
    void claimReleaseTransferDelegateAnswerDecide() {
        TestOrg.World w = testOrg.create();
        Long formId = submitted(w, "任务办理浏览器测试");
        String formPage = "/forms/" + formId;
        try (Browser b = Browser.open(port)) {
            claimInBrowser(b, w, formPage);
            b.find(By.id("release")).click();
            pageSays(b, "已取消签收");
            assertThat(b.text(By.id("task-holder"))).contains("尚未签收");

            // Claimed again from the inbox's form link, then handed to the colleague for good.
            b.find(By.id("claim")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("release")));
            new Select(b.find(By.cssSelector("#transfer-form select[name=to]"))).selectByValue(String.valueOf(w.reviewer1b().id()));
            b.find(By.cssSelector("#transfer-form input[name=note]")).sendKeys("本人下周休假");
            b.find(By.id("transfer-task")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.login(w.reviewer1b().username(), TestOrg.PASSWORD);
            b.go(formPage);
            assertThat(b.text(By.id("task-holder"))).contains(w.reviewer1b().displayName());
            new Select(b.find(By.cssSelector("#delegate-form select[name=to]"))).selectByValue(String.valueOf(w.reviewer1().id()));
            b.find(By.cssSelector("#delegate-form input[name=note]")).sendKeys("请核对预算执行率");
            b.find(By.id("delegate-task")).click();
            pageSays(b, "已委派");
            assertThat(b.driver.findElements(By.id("decide"))).as("no decision while delegated").isEmpty();
            b.screenshot("task-delegated");

            b.login(w.reviewer1().username(), TestOrg.PASSWORD);
            b.go(formPage);
            assertThat(b.driver.findElements(By.id("decide"))).as("the delegate cannot decide").isEmpty();
            b.find(By.cssSelector("#resolve-form textarea[name=answer]")).sendKeys("执行率核对无误，同意通过");
            b.find(By.id("resolve")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));

            b.login(w.reviewer1b().username(), TestOrg.PASSWORD);
            b.go(formPage);
            assertThat(b.text(By.id("history"))).contains("委派回复", "执行率核对无误");
            b.find(By.cssSelector("input[name=decision][value=APPROVE]")).click();
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));
            b.screenshot("task-decided");
        }
        assertThat(formMapper.findHeader(formId).getStatus()).isEqualTo(FormStatus.FINANCE_REVIEW);
        List<String> steps = forms.history(w.admin(), formId).stream().map(WorkflowRecord::action).toList();
        assertThat(steps).containsSubsequence("CLAIM", "RELEASE", "CLAIM", "TRANSFER", "DELEGATE", "RESOLVE", "APPROVE");
    }

    /**
     * 征求意见 and 抄送 through the pickers: typed, answered by the search, chosen with the keyboard or the
     * mouse, removed again; Enter in the box adds an answer and never posts the decision.
     */
    @Test
    void consultAndCopyThroughThePickers() {
        TestOrg.World w = testOrg.create();
        Long formId = submitted(w, "选人浏览器测试");
        String formPage = "/forms/" + formId;
        try (Browser b = Browser.open(port)) {
            claimInBrowser(b, w, formPage);

            // 征求意见: two reviewers chosen (keyboard, then mouse), the first removed again.
            WebElement asked = b.find(By.id("askedNames"));
            asked.sendKeys(w.reviewer2().username());
            answer(b, "askedNames", w.reviewer2().username());
            asked.sendKeys(Keys.ARROW_DOWN);
            assertThat(asked.getAttribute("aria-activedescendant")).isEqualTo("askedNames-results-0");
            asked.sendKeys(Keys.ENTER);
            asked.sendKeys(w.finance().username());
            answer(b, "askedNames", w.finance().username()).click();
            assertThat(chips(b, "#consult-form")).hasSize(2);
            b.find(By.cssSelector("#consult-form .chip button[aria-label='移除 " + w.reviewer2().displayName() + "']")).click();
            assertThat(chips(b, "#consult-form")).singleElement().asString().contains(w.finance().username());
            b.find(By.cssSelector("#consult-form textarea[name=question]")).sendKeys("预算执行率是否合理？");
            b.find(By.id("consult")).click();
            pageSays(b, "已向 1 人征求意见");

            // 抄送: Enter takes the first answer; Escape closes the list; one of two removed before deciding.
            WebElement cc = b.find(By.id("ccNames"));
            cc.sendKeys(w.staffB().username());
            answer(b, "ccNames", w.staffB().username());
            cc.sendKeys(Keys.ENTER);
            cc.sendKeys(w.reviewer2().username());
            answer(b, "ccNames", w.reviewer2().username());
            cc.sendKeys(Keys.ESCAPE);
            assertThat(b.find(By.id("ccNames-results")).isDisplayed()).isFalse();
            cc.sendKeys(Keys.ARROW_DOWN);
            answer(b, "ccNames", w.reviewer2().username());
            cc.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
            assertThat(b.driver.getCurrentUrl()).as("Enter in the box posts nothing").contains(formPage).doesNotContain("/tasks");
            assertThat(chips(b, "#cc-choice")).hasSize(2);
            b.find(By.cssSelector("#cc-choice .chip button[aria-label='移除 " + w.staffB().displayName() + "']")).click();
            assertThat(b.find(By.id("ccNames-status")).getAttribute("textContent")).contains("已移除");
            b.screenshot("picker-chosen");
            b.find(By.cssSelector("input[name=decision][value=APPROVE]")).click();
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));
        }
        assertThat(control.askedOf(w.finance())).extracting(c -> c.formId()).containsExactly(formId);
        assertThat(control.askedOf(w.reviewer2())).isEmpty();
        assertThat(control.copiedTo(w.reviewer2())).extracting(c -> c.formId()).containsExactly(formId);
        assertThat(control.copiedTo(w.staffB())).isEmpty();
    }

    /** The picker's answer for this login name, once the search has answered. */
    private static WebElement answer(Browser b, String picker, String username) {
        return b.waiting().until(d -> d.findElements(By.cssSelector("#" + picker + "-results [role=option]")).stream()
                .filter(o -> o.isDisplayed() && o.getText().contains("（" + username + "）")).findFirst().orElse(null));
    }

    private static List<String> chips(Browser b, String within) {
        return b.driver.findElements(By.cssSelector(within + " .chip")).stream().map(WebElement::getText).toList();
    }
}
