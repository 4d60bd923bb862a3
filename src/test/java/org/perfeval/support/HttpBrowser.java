package org.perfeval.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One user's browser over plain HTTP: its own cookies, redirects not followed, forms posted with their CSRF token. */
public final class HttpBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public HttpBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in through the login page; returns where the login sent the browser. */
    public String login(String username, String password) throws Exception {
        String page = get("/login").body();
        HttpResponse<String> login = post("/login", List.of(new String[] {"username", username},
                new String[] {"password", password}, new String[] {"_csrf", csrf(page)}));
        return login.headers().firstValue("Location").orElse("");
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, List<String[]> fields) throws Exception {
        return post(path, fields, null);
    }

    /** A post from the page at {@code fromPath} (sent as the Referer, as a browser does), or from nowhere when null. */
    public HttpResponse<String> post(String path, List<String[]> fields, String fromPath) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append(body.length() > 0 ? "&" : "").append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"); // as a browser's form post
        if (fromPath != null) {
            request.header("Referer", base + fromPath);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("page lacks a CSRF token");
        }
        return m.group(1);
    }
}
