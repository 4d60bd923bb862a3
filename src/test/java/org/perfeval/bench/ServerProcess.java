package org.perfeval.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application started as an operator starts it, in a JVM of its own (for the
 * start-up time and the deadline-day journey of {@link ProductBenchmark}).
 */
final class ServerProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "perfeval.jar");
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+-]+)$",
            Pattern.MULTILINE);

    final int port;
    final int managementPort;
    final double secondsToFirstPage;
    /** Processor time the server had used when it served its first page (less moved by other load than the wall clock). */
    double cpuSecondsToFirstPage;
    private final Process process;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServerProcess(Path jar, List<String> jvmArgs, List<String> appArgs, Path log) throws Exception {
        port = freePort();
        managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(appArgs);
        // On a fresh clone nothing has made target/bench yet.
        java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        secondsToFirstPage = waitForFirstPage(start, log);
    }

    /** Starts the jar and returns once it has served its login page. */
    static ServerProcess start(List<String> jvmArgs, List<String> appArgs, Path log) throws Exception {
        return new ServerProcess(JAR, jvmArgs, appArgs, log);
    }

    static ServerProcess start(Path jar, List<String> jvmArgs, List<String> appArgs, Path log) throws Exception {
        return new ServerProcess(jar, jvmArgs, appArgs, log);
    }

    /**
     * The production launch the README describes: the jar extracted (no nested-jar class loading) and
     * a class data sharing archive from a training run that stops once the context is refreshed.
     * Returns the extracted jar; its archive is beside it.
     */
    static Path extractWithClassArchive(Path dir, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(log, java, "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--force", "--destination", dir.toString());
        Path jar = dir.resolve("perfeval.jar");
        run(log, java, "-XX:ArchiveClassesAtExit=" + dir.resolve("perfeval.jsa"), "-Dspring.context.exit=onRefresh",
                "-jar", jar.toString(), "--spring.profiles.active=demo,memory", "--server.port=0", "--management.server.port=-1");
        return jar;
    }

    private static void run(Path log, String... command) throws Exception {
        java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Heap in use now, from the management port's Prometheus page (bytes). */
    long heapUsed() {
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            long sum = 0;
            Matcher m = HEAP.matcher(metrics);
            while (m.find()) {
                sum += (long) Double.parseDouble(m.group(1));
            }
            return sum;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private double waitForFirstPage(long start, Path log) throws Exception {
        long deadline = start + Duration.ofMinutes(3).toNanos();
        HttpRequest login = HttpRequest.newBuilder(URI.create(base() + "/login")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting; see " + log);
            }
            try {
                if (client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    cpuSecondsToFirstPage = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
                    return seconds;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no login page within 3 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
