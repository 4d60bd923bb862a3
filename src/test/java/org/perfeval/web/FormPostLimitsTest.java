package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStore;
import org.perfeval.support.HttpBrowser;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A form post Tomcat cannot read whole (over its size or field-count limit) goes back to the form
 * with a message and saves nothing. It needs the real server: the limits are Tomcat's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class FormPostLimitsTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;
    @Autowired FormStore formStore;

    @Test
    void aPostOverTheSizeLimitGoesBackToTheFormWithAMessage() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        FormHeader form = openedBy(browser, "超大提交测试项目");
        String before = formStore.content(form.getId()).getGoal().getActual();
        String path = "/forms/" + form.getId();
        String page = browser.get(path).body();

        HttpResponse<String> refused = browser.post(path, List.of(new String[] {"_csrf", HttpBrowser.csrf(page)},
                new String[] {"version", version(page)}, new String[] {"goal.actual", "长".repeat(1_200_000)}), path);

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue(path);
        String back = browser.get(path).body();
        assertThat(back).contains("提交的内容过大（超过 10 MB），未保存").contains("data-action=\"" + path + "\"");
        assertThat(browser.get(path).body()).doesNotContain("提交的内容过大"); // said once
        assertThat(formStore.content(form.getId()).getGoal().getActual()).isEqualTo(before);

        HttpResponse<String> fromNowhere = browser.post(path, List.of(new String[] {"_csrf", HttpBrowser.csrf(page)},
                new String[] {"goal.actual", "长".repeat(1_200_000)}), null);
        assertThat(fromNowhere.statusCode()).isEqualTo(413);
        assertThat(fromNowhere.body()).contains("提交的内容过大");
    }

    @Test
    void aPostWithMoreFieldsThanTheLimitSavesNoneOfThem() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        FormHeader form = openedBy(browser, "栏目过多测试项目");
        String before = formStore.content(form.getId()).getGoal().getActual();
        String path = "/forms/" + form.getId();
        String page = browser.get(path).body();
        // The fields Tomcat would keep come first: without the refusal they were saved and the rest lost.
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"_csrf", HttpBrowser.csrf(page)},
                new String[] {"version", version(page)}, new String[] {"action", "save"},
                new String[] {"goal.actual", "只保存了一半的内容"}));
        for (int i = 0; fields.size() <= 100_000; i++) {
            fields.add(new String[] {"x" + i, ""});
        }

        HttpResponse<String> refused = browser.post(path, fields, path);

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(browser.get(path).body()).contains("提交的栏目过多（超过 100000 项），未保存");
        assertThat(formStore.content(form.getId()).getGoal().getActual()).isEqualTo(before);
    }

    private FormHeader openedBy(HttpBrowser browser, String title) throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, title);
        browser.login(w.staffA().username(), TestOrg.PASSWORD);
        return form;
    }

    private static String version(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
