package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.perfeval.form.FormHeader;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator edits a user, disables and re-enables them and resets the password; the user
 * logs in with it, must choose a new one, is told why a weak one is refused, and gets in. Then an
 * upload with a long Chinese file name through the real server (Tomcat's multipart limits): the
 * name is shortened, never answered with "文件过大".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class UserManagementBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired JdbcTemplate jdbc;

    @Test
    void userEditDisableResetAndChangePassword() {
        TestOrg.World w = testOrg.create();
        try (Browser b = Browser.open(port)) {
            b.login(w.admin().username(), TestOrg.PASSWORD);
            b.go("/admin/users");
            b.find(By.linkText(w.staffB().username())).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("user-form")));
            // A role that does not fit the unit: refused beside the field, the typed name still in the box.
            b.find(By.id("displayName")).clear();
            b.find(By.id("displayName")).sendKeys("乙新名");
            new org.openqa.selenium.support.ui.Select(b.find(By.id("role"))).selectByVisibleText("财政部门审核人");
            b.find(By.cssSelector("#user-form button[type=submit]")).click();
            assertThat(b.text(By.cssSelector("#user-form .field-error"))).contains("与单位类型不符");
            assertThat(b.find(By.id("displayName")).getAttribute("value")).isEqualTo("乙新名");
            b.screenshot("user-edit-refused");
            new org.openqa.selenium.support.ui.Select(b.find(By.id("role"))).selectByVisibleText("填报人");
            b.find(By.id("displayName")).clear();
            b.find(By.id("displayName")).sendKeys("乙改名");
            b.find(By.id("email")).clear();
            b.find(By.id("email")).sendKeys("yi@example.cn");
            b.find(By.cssSelector("#user-form button[type=submit]")).click();
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已保存"));
            b.screenshot("user-edit");

            b.find(By.cssSelector("#enable-form button")).click();
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-state"), "已停用"));
            b.screenshot("user-disabled");

            b.login(w.staffB().username(), TestOrg.PASSWORD);
            b.waiting().until(ExpectedConditions.urlContains("/login?")); // the refused login's answer, not the form
            assertThat(b.driver.getPageSource()).contains("账号已停用");
            b.screenshot("user-disabled-login");

            b.login(w.admin().username(), TestOrg.PASSWORD);
            b.go("/admin/users/" + w.staffB().id());
            b.find(By.cssSelector("#enable-form button")).click();
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-state"), "正常"));
            b.find(By.cssSelector("#reset-form button")).click();
            String password = b.text(By.cssSelector("#new-password code"));
            assertThat(password).hasSize(20);
            b.screenshot("user-reset");

            b.login(w.staffB().username(), password);
            b.waiting().until(ExpectedConditions.urlContains("/account/password"));
            b.find(By.id("current")).sendKeys(password);
            b.find(By.id("password")).sendKeys(w.staffB().username());
            b.find(By.id("repeated")).sendKeys(w.staffB().username());
            // The browser's own minlength check would stop a short one; this one is long enough but the user name.
            b.find(By.cssSelector("#password-form button[type=submit]")).click();
            assertThat(b.text(By.cssSelector("#password-form .field-error"))).contains("不能与用户名相同");
            b.screenshot("password-refused");
            b.driver.manage().window().setSize(new Dimension(390, 844));
            b.screenshot("password-refused-390");
            assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) b.driver)
                    .executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            b.driver.manage().window().setSize(new Dimension(1366, 900));
            b.find(By.id("current")).sendKeys(password);
            b.find(By.id("password")).sendKeys("my-own-password-1");
            b.find(By.id("repeated")).sendKeys("my-own-password-1");
            b.find(By.cssSelector("#password-form button[type=submit]")).click();
            // The home page sends on to 待办 (the flash notice is spent on the way): out of the password page is enough.
            b.waiting().until(d -> !d.getCurrentUrl().contains("/account/password"));
            b.go("/tasks");
            assertThat(b.driver.getCurrentUrl()).endsWith("/tasks");
            b.screenshot("password-changed");
        }
    }

    @Test
    void aLongChineseFileNameIsShortenedNotRefusedAsTooLarge() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "长文件名项目");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String token = csrf(http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + w.staffA().username() + "&password="
                        + TestOrg.PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        token = csrf(http.send(HttpRequest.newBuilder(URI.create(base + "/forms/" + form.getId())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String name = "关于二〇二四年度医疗保障服务项目绩效自评的佐证材料".repeat(12) + ".pdf";
        String boundary = "----perfeval" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/forms/" + form.getId() + "/evidence"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.body()).doesNotContain("文件过大");
        String stored = jdbc.queryForObject("SELECT original_name FROM evidence WHERE form_id = ?", String.class, form.getId());
        assertThat(stored.codePointCount(0, stored.length())).isLessThanOrEqualTo(200);
        assertThat(stored).startsWith("关于二〇二四年度").endsWith("….pdf");
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
