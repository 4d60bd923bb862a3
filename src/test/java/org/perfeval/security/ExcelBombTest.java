package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfeval.PerfevalApplication;
import org.perfeval.exchange.excel.ExcelBombs;

/**
 * The probe that got through (issue 18): several small .xlsx files that inflate to a hundred MB,
 * imported at once. The application runs in a JVM of its own with a 512 MB heap, as a small
 * server would; every file must be refused with a Chinese 400, the application must serve on, and
 * after a collection the heap must be back near where it was.
 */
class ExcelBombTest {
    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    static Process app;
    static String base;
    static String metrics;
    static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("perfeval-bomb", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", mainClassPath(), PerfevalApplication.class.getName(),
                "--spring.profiles.active=demo,memory", "--server.port=" + port, "--management.server.port=" + management,
                "--management.server.address=127.0.0.1",
                "--spring.jmx.enabled=false", "--logging.level.root=WARN");
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://127.0.0.1:" + port;
        metrics = "http://127.0.0.1:" + management + "/actuator/prometheus";
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped: " + Files.readString(log));
            }
            try {
                // Ready when it answers and the demo data is in (its last act is printing the logins).
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && Files.readString(log, StandardCharsets.ISO_8859_1).contains("http://localhost:8080/")) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not start: " + Files.readString(log));
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void eightBombsAtOnceAreRefusedAndTheHeapRecovers() throws Exception {
        Session session = login("yb-fwzx");
        // The demo campaigns' forms arrive through the engine's jobs, shortly after start-up; the
        // bombs go to one the unit may still edit (its page offers the import).
        String formId = null;
        String page = null;
        for (int i = 0; i < 120 && formId == null; i++) {
            Matcher link = Pattern.compile("/forms/(\\d+)").matcher(session.get("/tasks"));
            while (formId == null && link.find()) {
                page = session.get("/forms/" + link.group(1));
                formId = page.contains("/forms/" + link.group(1) + "/import") ? link.group(1) : null;
            }
            if (formId == null) {
                Thread.sleep(500);
            }
        }
        assertThat(formId).as("an editable form of the demo unit on /tasks").isNotNull();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        String form = formId;

        byte[] sparse = ExcelBombs.sparse(90L * 1024 * 1024);
        // The probe's ratio (about 170): above what the former setting (0.005, i.e. 200) let through.
        assertThat((double) ExcelBombs.lastInflated / sparse.length).isBetween(120.0, 195.0);
        byte[] dense = ExcelBombs.dense(140L * 1024 * 1024);
        assertThat(sparse.length).as("a small file").isBetween(300_000, 1_000_000);

        long before = heapAfterGc();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] file = i % 2 == 0 ? sparse : dense;
            Callable<HttpResponse<String>> upload = () -> session.upload("/forms/" + form + "/import", version.group(1), file);
            answers.add(pool.submit(upload));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).containsPattern(CHINESE).containsAnyOf("解压", "行数过多", "过大", "过多");
        }
        pool.shutdown();

        assertThat(session.get("/forms/" + formId)).contains("name=\"version\"");
        long after = heapAfterGc();
        System.out.printf("ExcelBombTest: sparse %d bytes, dense %d bytes; heap after GC %d MB before, %d MB after%n",
                sparse.length, dense.length, before >> 20, after >> 20);
        assertThat(app.isAlive()).isTrue();
        assertThat(after).as("heap after GC, bytes (before: %d)", before).isLessThan(before + 64L * 1024 * 1024);
    }

    /** Heap in use after a full collection, as the application's own metrics report it. */
    long heapAfterGc() throws Exception {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(app.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor();
            String text = client.send(HttpRequest.newBuilder(URI.create(metrics)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long sum = 0;
            Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.Ee+]+)").matcher(text);
            while (m.find()) {
                sum += (long) Double.parseDouble(m.group(1));
            }
            assertThat(sum).as("heap figures in /actuator/prometheus").isPositive();
            used = Math.min(used, sum);
        }
        return used;
    }

    Session login(String username) throws Exception {
        Session s = new Session();
        String page = s.get("/login");
        String body = "username=" + username + "&password=perfeval2024&_csrf=" + URLEncoder.encode(csrf(page), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(s.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        s.remember(r);
        assertThat(r.statusCode()).as("login answers with a redirect").isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    /** The test's class path without the test classes (their legacy process versions would clash on deployment). */
    static String mainClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A browser's cookie and its last CSRF token. */
    static final class Session {
        String cookie;
        String token;

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3));
            return cookie == null ? b : b.header("Cookie", cookie);
        }

        void remember(HttpResponse<?> r) {
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION") || c.startsWith("JSESSIONID"))
                    .findFirst().ifPresent(c -> cookie = c.split(";")[0]);
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            remember(r);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                token = m.group(1);
            }
            return r.body();
        }

        HttpResponse<String> upload(String path, String version, byte[] file) throws Exception {
            String boundary = UUID.randomUUID().toString();
            var out = new java.io.ByteArrayOutputStream();
            part(out, boundary, "version", null, version.getBytes(StandardCharsets.UTF_8));
            part(out, boundary, "_csrf", null, token.getBytes(StandardCharsets.UTF_8));
            part(out, boundary, "file", "去年的表.xlsx", file);
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static void part(java.io.ByteArrayOutputStream out, String boundary, String name, String filename, byte[] content)
                throws IOException {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
