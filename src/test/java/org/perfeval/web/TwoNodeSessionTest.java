package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.FormHeader;
import org.perfeval.support.AppInstance;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one MariaDB database lose nothing: a user logs in on node A, uploads a file and
 * saves a draft there; A stops; the same browser (same session cookie) goes on on node B, sees the
 * draft and A's notice, downloads the file and submits. Once with the evidence in a directory both
 * nodes share, once with it in the database. Runs in .ci/run (MariaDB); skipped on H2.
 */
@Tag("db")
class TwoNodeSessionTest {
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    static final Pattern KEY = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @ParameterizedTest(name = "evidence store: {0}")
    @ValueSource(strings = {"files", "database"})
    void aUserGoesOnOnNodeBWhenNodeAStops(String store) throws Exception {
        Assumptions.assumeTrue(TestProfiles.onMariaDb(),
                "the two-node test needs the shared MariaDB: run with -Dperfeval.db=mariadb (.ci/run does)");
        String shared = "target/shared-evidence-" + UUID.randomUUID();
        String[] args = {"--perfeval.evidence.store=" + store, "--perfeval.evidence.dir=" + shared};
        ConfigurableApplicationContext a = AppInstance.mariaDbNode("session-a", args);
        try (ConfigurableApplicationContext b = AppInstance.mariaDbNode("session-b", args)) {
            TestOrg.World w = AppInstance.testOrg(a).create();
            FormHeader form = AppInstance.testOrg(a).openForm(w, "双节点会话项目");
            Long formId = form.getId();
            String onA = "http://127.0.0.1:" + AppInstance.port(a);
            String onB = "http://127.0.0.1:" + AppInstance.port(b);
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

            // On A: log in, upload a file, save a draft (the redirect with its notice is not followed yet).
            String loginPage = send(browser, get(onA + "/login")).body();
            HttpResponse<String> login = send(browser, post(onA + "/login", List.of(
                    new String[] {"username", w.staffA().username()}, new String[] {"password", TestOrg.PASSWORD},
                    new String[] {"_csrf", find(CSRF, loginPage)})));
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();

            String page = send(browser, get(onA + "/forms/" + formId)).body();
            byte[] pdf = ("%PDF-1.7\n1 0 obj\n双节点佐证 " + UUID.randomUUID() + "\n").repeat(40_000)
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> upload = send(browser, multipart(onA + "/forms/" + formId + "/evidence",
                    find(CSRF, page), "minutes-2024.pdf", pdf));
            assertThat(upload.statusCode()).isEqualTo(302);

            EvaluationForm content = Fixtures.clean();
            page = send(browser, get(onA + "/forms/" + formId)).body();
            List<String[]> fields = new ArrayList<>(FormParams.pairs(content));
            fields.add(new String[] {"version", find(VERSION, page)});
            fields.add(new String[] {"requestKey", find(KEY, page)});
            fields.add(new String[] {"_csrf", find(CSRF, page)});
            fields.add(new String[] {"action", "save"});
            HttpResponse<String> saved = send(browser, post(onA + "/forms/" + formId, fields));
            assertThat(saved.statusCode()).isEqualTo(302);

            long stopping = System.nanoTime();
            a.close();
            double stopSeconds = (System.nanoTime() - stopping) / 1e9;

            // On B, same cookie: the notice A left in the session, the saved draft, the file, and a submit.
            long continuing = System.nanoTime();
            HttpResponse<String> pageOnB = send(browser, get(onB + "/forms/" + formId));
            double firstPageSeconds = (System.nanoTime() - continuing) / 1e9;
            assertThat(pageOnB.statusCode()).isEqualTo(200);
            assertThat(pageOnB.body()).contains("草稿已保存。").contains(content.getIndicators().get(0).getName())
                    .contains("minutes-2024.pdf");

            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            Long evidenceId = jdbc.queryForObject("SELECT id FROM evidence WHERE form_id = ?", Long.class, formId);
            HttpResponse<byte[]> download = browser.send(get(onB + "/evidence/" + evidenceId),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(sha256(download.body())).isEqualTo(sha256(pdf));

            fields = new ArrayList<>(FormParams.pairs(content));
            fields.add(new String[] {"version", find(VERSION, pageOnB.body())});
            fields.add(new String[] {"requestKey", find(KEY, pageOnB.body())});
            fields.add(new String[] {"_csrf", find(CSRF, pageOnB.body())});
            fields.add(new String[] {"action", "submit"});
            HttpResponse<String> submitted = send(browser, post(onB + "/forms/" + formId, fields));
            assertThat(submitted.headers().firstValue("Location").orElse("")).endsWith("/tasks");
            assertThat(jdbc.queryForObject("SELECT status FROM evaluation_form WHERE id = ?", String.class, formId))
                    .isEqualTo("SUPERVISOR_REVIEW");
            int sessionRows = jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?",
                    Integer.class, w.staffA().username());
            assertThat(sessionRows).isEqualTo(1);
            System.out.printf("two nodes, evidence in %s: session %s… kept across nodes; node A stopped in %.1f s;"
                            + " first page on B %.2f s later, with the draft and A's notice; %d-byte file uploaded on A,"
                            + " downloaded on B with the same SHA-256; submitted on B; %d session row%n", store,
                    session.substring(0, 8), stopSeconds, firstPageSeconds, pdf.length, sessionRows);
        } finally {
            a.close();
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static HttpRequest post(String url, List<String[]> fields) {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append(body.length() > 0 ? "&" : "").append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static HttpRequest multipart(String url, String csrf, String fileName, byte[] bytes) {
        String boundary = "----perfeval" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("page lacks " + pattern);
        }
        return m.group(1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
