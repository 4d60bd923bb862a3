package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.perfeval.PerfevalApplication;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Login throttling under parallel attempts: the attempt is reserved in the database before the
 * password is checked, so of 50 simultaneous wrong passwords at most the limit is checked, on one
 * instance and across two on the same database (H2 here, MariaDB in .ci/run's pass). Also: a
 * locked real account and an unknown name answer alike.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class LoginThrottleRaceTest {
    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final int ATTEMPTS = 50;

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;

    @Test
    void fiftyParallelWrongPasswordsForOneAccountCheckAtMostTheLimit() throws Exception {
        TestOrg.World w = testOrg.create();
        String unique = Long.toString(System.nanoTime() % 100000);
        // Each attempt from its own address: only the account's limit applies.
        Map<String, Integer> outcomes = parallel(ATTEMPTS, i -> mvc,
                i -> login(w.staffA().username(), "wrong-" + i, "10.50." + unique.hashCode() % 200 + "." + (i + 1)));
        System.out.println("throttle, one account, 50 parallel: " + outcomes);
        assertThat(outcomes.getOrDefault("/login?error", 0)).isBetween(1, ACCOUNT_LIMIT);
        assertThat(outcomes.getOrDefault("/login?locked", 0)).isGreaterThanOrEqualTo(ATTEMPTS - ACCOUNT_LIMIT);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ATTEMPTS);
    }

    @Test
    void fiftyParallelAttemptsFromOneAddressCheckAtMostTheLimit() throws Exception {
        String address = "10.51." + (System.nanoTime() % 200) + ".7";
        String names = "spray-" + System.nanoTime() + "-";
        Map<String, Integer> outcomes = parallel(ATTEMPTS, i -> mvc, i -> login(names + i, "guess", address));
        System.out.println("throttle, one address, 50 parallel: " + outcomes);
        assertThat(outcomes.getOrDefault("/login?error", 0)).isBetween(1, ADDRESS_LIMIT);
        assertThat(outcomes.getOrDefault("/login?throttled", 0)).isGreaterThanOrEqualTo(ATTEMPTS - ADDRESS_LIMIT);
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheLimit() throws Exception {
        TestOrg.World w = testOrg.create();
        try (ConfigurableApplicationContext other = secondInstance()) {
            MockMvc second = MockMvcBuilders.webAppContextSetup((WebApplicationContext) other).apply(springSecurity()).build();
            String account = w.staffB().username();
            Map<String, Integer> byAccount = parallel(ATTEMPTS, i -> i % 2 == 0 ? mvc : second,
                    i -> login(account, "wrong-" + i, "10.52.1." + (i + 1)));
            String address = "10.53." + (System.nanoTime() % 200) + ".9";
            String names = "spray2-" + System.nanoTime() + "-";
            Map<String, Integer> byAddress = parallel(ATTEMPTS, i -> i % 2 == 0 ? mvc : second,
                    i -> login(names + i, "guess", address));
            System.out.println("throttle, two instances, 50 parallel: one account " + byAccount + ", one address " + byAddress);
            assertThat(byAccount.getOrDefault("/login?error", 0)).isBetween(1, ACCOUNT_LIMIT);
            assertThat(byAddress.getOrDefault("/login?error", 0)).isBetween(1, ADDRESS_LIMIT);
            // The right password on the other instance is refused too while the account is locked.
            assertThat(second.perform(login(account, TestOrg.PASSWORD, "10.52.2.1")).andReturn().getResponse()
                    .getRedirectedUrl()).isEqualTo("/login?locked");
        }
    }

    @Test
    void aLockedAccountAndAnUnknownNameAnswerAlike() throws Exception {
        TestOrg.World w = testOrg.create();
        String real = w.reviewer2().username();
        String unknown = "nobody-" + System.nanoTime();
        // Before any lock: a wrong password and an unknown name take the same path and time class.
        long realWrong = median(5, () -> mvc.perform(login(real, "wrong", "10.54.0.1")).andReturn().getResponse().getRedirectedUrl(),
                "/login?error");
        long unknownWrong = median(5, () -> mvc.perform(login(unknown, "wrong", "10.54.0.2")).andReturn().getResponse().getRedirectedUrl(),
                "/login?error");
        // Both are now locked (5 attempts each): the same answer, fast for both, the password unchecked.
        long realLocked = median(5, () -> mvc.perform(login(real, TestOrg.PASSWORD, "10.54.0.3")).andReturn().getResponse().getRedirectedUrl(),
                "/login?locked");
        long unknownLocked = median(5, () -> mvc.perform(login(unknown, "anything", "10.54.0.4")).andReturn().getResponse().getRedirectedUrl(),
                "/login?locked");
        System.out.printf("enumeration timing (median ms): wrong password %d, unknown name %d; locked %d, unknown locked %d%n",
                realWrong / 1_000_000, unknownWrong / 1_000_000, realLocked / 1_000_000, unknownLocked / 1_000_000);
        // Same time class: a password check (bcrypt, also run for unknown names) or none at all.
        assertThat(Math.max(realWrong, unknownWrong)).isLessThan(3 * Math.min(realWrong, unknownWrong));
        assertThat(Math.max(realLocked, unknownLocked)).isLessThan(Math.min(realWrong, unknownWrong));
        String page = mvc.perform(get("/login?locked")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已被锁定").doesNotContain(real).doesNotContain(unknown);
    }

    interface Attempt {
        String run() throws Exception;
    }

    private static long median(int times, Attempt attempt, String expected) throws Exception {
        long[] took = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            assertThat(attempt.run()).isEqualTo(expected);
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        return took[times / 2];
    }

    /** Runs the attempts together (released at once) and counts where each was sent. */
    private static Map<String, Integer> parallel(int n, IntFunction<MockMvc> node,
                                                 IntFunction<MockHttpServletRequestBuilder> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    return node.apply(k).perform(request.apply(k)).andReturn().getResponse().getRedirectedUrl();
                }));
            }
            start.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> f : results) {
                outcomes.merge(String.valueOf(f.get()), 1, Integer::sum);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    /** A second app instance on the same database (same H2 in-memory database in this JVM, or MariaDB). */
    static ConfigurableApplicationContext secondInstance() {
        List<String> profiles = new ArrayList<>(List.of("test"));
        if (TestProfiles.onMariaDb()) {
            profiles.add("mariadb");
        }
        return new SpringApplicationBuilder(PerfevalApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .run("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.process-engine-name=second", "--spring.jmx.enabled=false",
                        "--logging.level.root=WARN");
    }
}
