package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.perfeval.exchange.excel.PrintedForms;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStore;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 20's "done": a clerk drags last year's provincial sheet onto the form page, sees the preview
 * with the cells that went nowhere named, confirms, and sees the form filled with the list once more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class SheetDropBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormStore store;

    @Test
    void aSheetDroppedOnTheFormPageIsPreviewedAndFillsTheFormOnConfirmation() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "拖入导入项目");
        byte[] sheet = PrintedForms.anhuiProject(Fixtures.clean(), false, "联系人");
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            assertThat(b.text(By.id("drop-hint"))).contains("拖到本页");
            // What the browser does with a file dragged in from the desktop: dragenter, dragover, drop on the page.
            ((JavascriptExecutor) b.driver).executeScript("""
                    var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
                    var data = new DataTransfer();
                    data.items.add(new File([bytes], '去年的自评表.xlsx'));
                    var target = document.getElementById('form-title');
                    ['dragenter', 'dragover', 'drop'].forEach(function (type) {
                      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
                    });""", Base64.getEncoder().encodeToString(sheet));
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/import/preview"));
            assertThat(b.text(By.tagName("h1"))).startsWith("导入预览");
            assertThat(b.text(By.id("import-unknown"))).contains("“联系人”（J12）");
            assertThat(b.text(By.id("import-cells"))).contains("注：1.一级指标分值").contains("评价表中没有对应栏目");
            assertThat(store.content(form.getId()).getIndicators()).as("nothing written before confirmation")
                    .noneSatisfy(i -> assertThat(i.getName()).isEqualTo(Fixtures.clean().getIndicators().get(0).getName()));
            b.screenshot("sheet-drop-preview");
            // A double click on 确认导入 posts once: two confirmations raced for the session and one ended in a 500.
            // The posts that really leave (a submit no script held back) are counted where the next page can read them.
            ((JavascriptExecutor) b.driver).executeScript("""
                    sessionStorage.setItem('posts', '0');
                    window.addEventListener('submit', function (ev) {
                      if (!ev.defaultPrevented) { sessionStorage.setItem('posts', String(+sessionStorage.getItem('posts') + 1)); }
                    });
                    var button = document.querySelector('#import-confirm button');
                    button.click(); button.click();""");
            b.waiting().until(d -> d.getCurrentUrl().endsWith("/forms/" + form.getId()));
            assertThat(b.driver.getTitle()).doesNotContain("错误");
            assertThat(((JavascriptExecutor) b.driver).executeScript("return sessionStorage.getItem('posts')")).isEqualTo("1");
            assertThat(b.text(By.id("import-not-read"))).contains("未导入的列：“联系人”（J12）");
            b.screenshot("sheet-drop-filled");
        }
        assertThat(store.content(form.getId()).getIndicators().get(0).getName())
                .isEqualTo(Fixtures.clean().getIndicators().get(0).getName());
    }
}
