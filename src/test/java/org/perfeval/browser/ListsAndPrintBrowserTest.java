package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.perfeval.form.FormHeader;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A unit finds its form in 我发起的 and opens its print view (screenshot, print stylesheet applied);
 * an administrator cancels a form, first without a reason (refused beside the field), then with one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class ListsAndPrintBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;

    @Test
    void aUnitFindsItsFormInMineAndPrintsIt() {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        FormHeader form = testOrg.openForm(w, "我发起的项目" + s);
        testOrg.openFormFor(w, w.unitB().id(), "别人的项目" + s);
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.find(By.linkText("我发起的")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
            assertThat(b.text(By.id("results"))).contains("我发起的项目" + s).doesNotContain("别人的项目" + s);
            b.screenshot("mine");
            b.find(By.cssSelector("tr[data-form='" + form.getId() + "'] a[href$='/print']")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("print-signatures")));
            assertThat(b.text(By.id("print-title"))).isEqualTo("我发起的项目" + s);
            assertThat(b.text(By.id("print-signatures"))).contains("填报人").contains("单位负责人").contains("审核人").contains("日期");
            // The print stylesheet is in force: a centred title, black table borders.
            assertThat(b.find(By.tagName("h1")).getCssValue("text-align")).isEqualTo("center");
            assertThat(b.find(By.id("print-button")).isDisplayed()).isTrue();
            b.screenshot("print-view");

            b.login(w.admin().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.find(By.id("cancel-link")).click();
            b.find(By.cssSelector("#cancel-form button[type=submit]")).click();
            assertThat(b.text(By.id("reason-error"))).contains("请填写作废原因");
            b.find(By.id("reason")).sendKeys("重复下发");
            b.find(By.cssSelector("#cancel-form button[type=submit]")).click();
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-status"), "已作废"));
            assertThat(b.text(By.id("cancelled"))).contains("重复下发");
            b.screenshot("form-cancelled");
        }
    }
}
