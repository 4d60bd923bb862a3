package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.perfeval.exchange.EvaluationForm;
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

/**
 * Nothing typed is lost: a login that expires while the form is being edited is renewed in place
 * and the save goes through; input not saved comes back when the page is opened again; an upload
 * leaves the unsaved edits as they are; a refused decision comes back with what was ticked and the
 * message beside the field; a wrong password keeps the user name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class InputKeptBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired org.perfeval.form.FormStore formStore;
    @Autowired org.perfeval.approval.Approval approval;

    @Test
    void sessionExpiresMidEditThenLoginInPlaceAndTheSaveGoesThrough() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "会话过期测试项目");
        prefill(form.getId(), "会话过期测试项目");
        String typed = "会话过期前输入的实际完成情况";
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.waiting().until(d -> !b.text(By.id("score-total")).equals("—"));
            WebElement actual = b.find(By.name("goal.actual"));
            actual.clear();
            actual.sendKeys(typed);
            // The session ends on the server (expiry, or an instance restarted): the browser's cookie names none.
            b.driver.manage().deleteAllCookies();
            b.find(By.cssSelector("button[name=action][value=save]")).click();
            b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("relogin")));
            assertThat(b.find(By.id("relogin-username")).getAttribute("value")).isEqualTo(w.staffA().username());
            assertThat(b.find(By.name("goal.actual")).getAttribute("value")).isEqualTo(typed);
            b.screenshot("session-expired-login-in-place");
            b.find(By.id("relogin-password")).sendKeys("wrong-password");
            b.find(By.id("relogin-submit")).click();
            b.waiting().until(d -> b.text(By.id("relogin-error")).contains("用户名或密码错误"));
            b.find(By.id("relogin-password")).sendKeys(TestOrg.PASSWORD);
            b.find(By.id("relogin-submit")).click();
            saved(b);
            assertThat(b.find(By.name("goal.actual")).getAttribute("value")).isEqualTo(typed);
        }
        assertThat(formStore.content(form.getId()).getGoal().getActual()).isEqualTo(typed);
    }

    @Test
    void unsavedInputAsksBeforeLeavingAndComesBackWhenThePageIsOpenedAgain() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "未保存输入测试项目");
        prefill(form.getId(), "未保存输入测试项目");
        String typed = "未保存就离开的输入";
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.waiting().until(d -> !b.text(By.id("score-total")).equals("—"));
            b.find(By.name("goal.expected")).clear();
            b.find(By.name("goal.expected")).sendKeys(typed);
            b.find(By.name("indicators[0].improvement")).sendKeys("改进措施也未保存");
            Object asks = ((JavascriptExecutor) b.driver).executeScript(
                    "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
            assertThat(asks).as("leaving with unsaved input asks first").isEqualTo(true);
            ((JavascriptExecutor) b.driver).executeScript("setTimeout(function () { location.href = '/tasks'; }, 300);");
            try {
                b.waiting().until(ExpectedConditions.alertIsPresent()).accept();
            } catch (org.openqa.selenium.TimeoutException noDialogInHeadless) {
                // Headless Chromium may leave the page without showing the dialog; the handler was checked above.
            }
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));
            b.go("/forms/" + form.getId());
            b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-restored")));
            assertThat(b.find(By.name("goal.expected")).getAttribute("value")).isEqualTo(typed);
            assertThat(b.find(By.name("indicators[0].improvement")).getAttribute("value")).isEqualTo("改进措施也未保存");
            // The notice sits above the form; the score panel stays beside the form (the window is 1366 wide).
            org.openqa.selenium.Rectangle note = b.find(By.id("draft-restored")).getRect();
            org.openqa.selenium.Rectangle editor = b.find(By.id("form-editor")).getRect();
            org.openqa.selenium.Rectangle panel = b.find(By.id("score-panel")).getRect();
            assertThat(note.getY() + note.getHeight()).isLessThanOrEqualTo(editor.getY());
            assertThat(panel.getX()).isGreaterThan(editor.getX() + editor.getWidth() / 2);
            assertThat(panel.getY()).isLessThan(editor.getY() + 50);
            b.screenshot("unsaved-input-restored");
            b.find(By.cssSelector("button[name=action][value=save]")).click();
            saved(b);
            // Saved: the kept copy is gone, the page shows the stored values without a restore notice.
            assertThat(b.driver.findElements(By.id("draft-restored"))).isEmpty();
        }
        assertThat(formStore.content(form.getId()).getGoal().getExpected()).isEqualTo(typed);
    }

    @Test
    void evidenceUploadLeavesUnsavedEditsOnThePage() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "上传测试项目");
        prefill(form.getId(), "上传测试项目");
        Path pdf = Files.createTempFile("佐证", ".pdf");
        Files.writeString(pdf, "%PDF-1.4 evidence");
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            String url = b.driver.getCurrentUrl();
            b.find(By.name("goal.actual")).clear();
            b.find(By.name("goal.actual")).sendKeys("上传前未保存的输入");
            b.find(By.cssSelector("#evidence-upload input[type=file]")).sendKeys(pdf.toAbsolutePath().toString());
            b.find(By.cssSelector("#evidence-upload button[type=submit]")).click();
            b.waiting().until(d -> b.text(By.id("evidence-notice")).contains("已上传"));
            assertThat(b.text(By.id("evidence-list"))).contains(pdf.getFileName().toString());
            assertThat(b.find(By.name("goal.actual")).getAttribute("value")).isEqualTo("上传前未保存的输入");
            assertThat(b.driver.getCurrentUrl()).isEqualTo(url);
            b.screenshot("upload-keeps-edits");
            // A file of a kind not accepted: the message beside the file box, the edits still there.
            Path exe = Files.createTempFile("程序", ".exe");
            Files.write(exe, new byte[] {'M', 'Z', 0, 1, 2});
            b.find(By.cssSelector("#evidence-upload input[type=file]")).sendKeys(exe.toAbsolutePath().toString());
            b.find(By.cssSelector("#evidence-upload button[type=submit]")).click();
            b.waiting().until(d -> b.find(By.id("evidence-notice")).getAttribute("class").contains("field-error"));
            assertThat(b.text(By.id("evidence-notice"))).doesNotContain("file").isNotBlank();
            assertThat(b.find(By.name("goal.actual")).getAttribute("value")).isEqualTo("上传前未保存的输入");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    void refusedReturnKeepsTheTickedOpinionsAndShowsTheMessageBesideTheReason() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "退回测试项目");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        try (Browser b = Browser.open(port)) {
            b.login(w.reviewer1().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.find(By.cssSelector("input[name=opt][value='1']")).click();
            b.find(By.name("detail1")).sendKeys("指标值设置偏低");
            b.find(By.name("overallOpinion")).sendKeys("请补充佐证材料");
            b.find(By.cssSelector("input[name=decision][value=RETURN_TO_UNIT]")).click();
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
            assertThat(b.driver.getCurrentUrl()).endsWith("/forms/" + form.getId());
            WebElement beside = b.find(By.cssSelector("#review-form .field-error"));
            assertThat(beside.getText()).contains("退回原因").doesNotContain("reason");
            assertThat(b.find(By.cssSelector("input[name=opt][value='1']")).isSelected()).isTrue();
            assertThat(b.find(By.name("detail1")).getAttribute("value")).isEqualTo("指标值设置偏低");
            assertThat(b.find(By.name("overallOpinion")).getAttribute("value")).isEqualTo("请补充佐证材料");
            assertThat(b.find(By.cssSelector("input[name=decision][value=RETURN_TO_UNIT]")).isSelected()).isTrue();
            b.screenshot("return-without-reason-kept");
            b.find(By.cssSelector("#review-form [name=reason]")).sendKeys("请说明偏差原因");
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));
        }
        assertThat(formMapper.findHeader(form.getId()).getReturnReason()).isEqualTo("请说明偏差原因");
    }

    @Test
    void wrongPasswordKeepsTheUserName() {
        TestOrg.World w = testOrg.create();
        try (Browser b = Browser.open(port)) {
            b.go("/login");
            b.find(By.id("username")).sendKeys(w.staffA().username());
            b.find(By.id("password")).sendKeys("not-the-password");
            b.find(By.cssSelector("button[type=submit]")).click();
            b.waiting().until(ExpectedConditions.urlContains("/login?error"));
            assertThat(b.find(By.id("username")).getAttribute("value")).isEqualTo(w.staffA().username());
            assertThat(b.find(By.id("password")).getAttribute("value")).isEmpty();
        }
    }

    @Test
    void addressOnlyForPostsOpenedInTheAddressBarIsAChinesePage() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "地址栏测试项目");
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId() + "/withdraw");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("405 请求方式不正确");
            assertThat(b.text(By.id("error-message"))).contains("返回上一页");
        }
    }

    /** Waits for the saved notice (the page is replaced meanwhile); on a timeout says what the page showed. */
    private static void saved(Browser b) {
        try {
            b.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> b.text(By.tagName("main")).contains("草稿已保存"));
        } catch (org.openqa.selenium.TimeoutException e) {
            b.screenshot("not-saved");
            String main = b.text(By.tagName("body"));
            throw new AssertionError("not saved; page: " + b.driver.getCurrentUrl() + " "
                    + main.substring(0, Math.min(600, main.length())), e);
        }
    }

    private void prefill(Long formId, String title) {
        EvaluationForm clean = Fixtures.clean();
        clean.setTitle(title);
        formStore.save(formId, formMapper.findHeader(formId).getVersion(), clean);
    }
}
