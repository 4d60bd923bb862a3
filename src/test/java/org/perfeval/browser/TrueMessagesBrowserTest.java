package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * Messages that are true, in a browser: a 指标库 pick fills only empty cells (a typed target stays as
 * typed); 批量同意 offers only approvable forms, takes one opinion set and counts what happened; the
 * public list offers each published form's PDF and the link opens a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class TrueMessagesBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormMapper formMapper;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired org.perfeval.form.FormStore formStore;

    @Test
    void libraryPickKeepsTheTypedTargetAndFillsOnlyEmptyCells() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "指标库测试项目");
        formStore.save(form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        try (Browser b = Browser.open(port)) {
            b.login(w.staffA().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return document.querySelectorAll('#library option').length;")).intValue() > 0);
            b.find(By.id("add-indicator")).click();
            int row = b.driver.findElements(By.cssSelector("#indicators tbody tr.indicator-row")).size() - 1;
            String p = "indicators[" + row + "]";
            b.find(By.name(p + ".target")).sendKeys("100%");
            WebElement name = b.find(By.name(p + ".name"));
            name.sendKeys("异地就医定点医疗机构增加数量");
            name.sendKeys(Keys.TAB);
            b.waiting().until(d -> "家".equals(b.find(By.name(p + ".unitOfMeasure")).getAttribute("value")));
            assertThat(b.find(By.name(p + ".target")).getAttribute("value")).isEqualTo("100%");
            assertThat(b.find(By.name(p + ".operator")).getAttribute("value")).isEqualTo(">=");
            assertThat(b.find(By.name(p + ".subIndicators[0].target")).getAttribute("value")).isEmpty();
            b.screenshot("library-pick-typed-target");
        }
    }

    @Test
    void batchApproveOffersOnlyApprovableFormsTakesOneOpinionSetAndCounts() {
        TestOrg.World w = testOrg.create();
        FormHeader one = testOrg.openForm(w, "批量浏览器一");
        FormHeader two = testOrg.openForm(w, "批量浏览器二");
        FormHeader warned = testOrg.openForm(w, "批量浏览器有问题");
        approval.submit(w.staffA(), one.getId(), formMapper.findHeader(one.getId()).getVersion(), Fixtures.clean());
        approval.submit(w.staffA(), two.getId(), formMapper.findHeader(two.getId()).getVersion(), Fixtures.clean());
        org.perfeval.exchange.EvaluationForm content = Fixtures.clean();
        content.setClaimedTotal(new java.math.BigDecimal("99"));
        approval.submit(w.staffA(), warned.getId(), formMapper.findHeader(warned.getId()).getVersion(), content);
        try (Browser b = Browser.open(port)) {
            b.login(w.reviewer1().username(), TestOrg.PASSWORD);
            b.go("/tasks");
            assertThat(b.find(By.cssSelector("input[name=form][value='" + warned.getId() + "']")).isEnabled()).isFalse();
            b.find(By.cssSelector("input[name=form][value='" + one.getId() + "']")).click();
            b.find(By.cssSelector("input[name=form][value='" + two.getId() + "']")).click();
            b.find(By.cssSelector("#batch summary")).click();
            b.find(By.cssSelector("#batch input[name=opt][value='0']")).click();
            b.find(By.cssSelector("#batch input[name=detail0]")).sendKeys("批量意见细节");
            b.find(By.cssSelector("#batch textarea[name=overallOpinion]")).sendKeys("材料齐全，同意");
            b.find(By.id("batch-approve")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("batch-result")));
            assertThat(b.text(By.id("batch-result"))).contains("已同意 2 张");
            assertThat(b.find(By.id("batch-result")).getAttribute("class")).isEqualTo("notice");
            b.screenshot("batch-approve-counted");
        }
        assertThat(reviews.opinions(w.reviewer1(), one.getId())).singleElement()
                .satisfies(o -> assertThat(o.overallOpinion()).isEqualTo("材料齐全，同意"));
        assertThat(formMapper.findHeader(warned.getId()).getStatus().name()).isEqualTo("SUPERVISOR_REVIEW");
    }

    @Test
    void publicListOffersThePdfAndTheLinkOpensIt() throws Exception {
        Assumptions.assumeTrue(org.perfeval.publication.CjkFont.find(org.perfeval.publication.CjkFont.DEFAULT_PATHS) != null,
                "No CJK font: apt-get install -y fonts-wqy-microhei");
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "公开PDF浏览器项目");
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), "同意", null));
        try (Browser b = Browser.open(port)) {
            b.go("/public?q=" + java.net.URLEncoder.encode("公开PDF浏览器项目", java.nio.charset.StandardCharsets.UTF_8));
            List<WebElement> links = b.driver.findElements(By.cssSelector("#published a[href$='/pdf']"));
            assertThat(links).hasSize(1);
            String href = links.get(0).getAttribute("href");
            b.screenshot("public-list-pdf-link");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            b.driver.get(href);
            b.screenshot("public-pdf-opened");
        }
    }
}
