package org.perfeval.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator for {@link ProductBenchmark}, run as its own process so that it does not share
 * the application's heap, collector and JIT (it still shares the machine). JDK classes only, so it
 * starts from its source file: {@code java HttpLoad.java <url> <warm-up s> <seconds> <cookie>...}.
 * Each cookie is one logged-in user requesting the page in a loop; prints
 * {@code <requests> <p95 nanoseconds> <errors>} for the measured seconds.
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        long warmUp = Long.parseLong(args[1]);
        long seconds = Long.parseLong(args[2]);
        List<String> cookies = List.of(args).subList(3, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        run(client, url, cookies, warmUp);
        long[] result = run(client, url, cookies, seconds);
        System.out.println(result[0] + " " + result[1] + " " + result[2]);
    }

    /** Every cookie's user requests the page in a loop for the given seconds; requests, p95 nanoseconds, errors. */
    static long[] run(HttpClient client, URI url, List<String> cookies, long seconds) throws InterruptedException {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> users = new ArrayList<>();
        for (String cookie : cookies) {
            HttpRequest request = HttpRequest.newBuilder(url).header("Cookie", cookie).build();
            Thread user = new Thread(() -> {
                while (System.nanoTime() < until) {
                    long t = System.nanoTime();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    times.add(System.nanoTime() - t);
                }
            });
            user.start();
            users.add(user);
        }
        for (Thread user : users) {
            user.join();
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[] {sorted.length, sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.95)], errors.get()};
    }
}
