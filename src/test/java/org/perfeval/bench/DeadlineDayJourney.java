package org.perfeval.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.support.HttpBrowser;
import org.perfeval.web.FormParams;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The deadline day over HTTP against the packaged application in its own JVM (-Xmx512m) on the
 * benchmark's database: unit users each open their form, save it twice and submit it while
 * supervising and finance reviewers work their inboxes (open, approve with an opinion) until every
 * form is published. The organisation and the campaign are set up through the benchmark's own
 * context on the same database, as a second node would.
 */
final class DeadlineDayJourney {
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");
    private static final Pattern FORM_LINK = Pattern.compile("href=\"/forms/(\\d+)\"");
    private static final int DEPARTMENTS = 10;
    private static final int FINANCE_REVIEWERS = 10;

    record Result(int journeys, double seconds, Map<String, Double> p95Millis, int errors, long peakHeap,
                  double secondsToFirstPage) {
    }

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

    Result run(ConfigurableApplicationContext ctx, int units, String password, List<String> serverArgs) throws Exception {
        OrgAdminService org = ctx.getBean(OrgAdminService.class);
        String s = Long.toString(System.nanoTime(), 36);
        OrgUnit fin = org.createUnit("jcz-" + s, "旅程财政局", UnitKind.FINANCE, null);
        OrgAdminService.PasswordHash hash = org.passwordHash(password);
        Actor admin = org.actorOf(org.createUser("jadmin-" + s, "管理员", fin, Role.ADMIN, hash));
        List<Actor> supervisors = new ArrayList<>();
        List<OrgUnit> departments = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            OrgUnit dept = org.createUnit("jd" + d + "-" + s, "旅程主管部门" + d, UnitKind.SUPERVISING, null);
            departments.add(dept);
            supervisors.add(org.actorOf(org.createUser("jrev" + d + "-" + s, "审核" + d, dept, Role.SUPERVISOR_REVIEWER, hash)));
        }
        List<Actor> financeReviewers = new ArrayList<>();
        for (int f = 0; f < FINANCE_REVIEWERS; f++) {
            financeReviewers.add(org.actorOf(org.createUser("jfin" + f + "-" + s, "财审" + f, fin, Role.FINANCE_REVIEWER, hash)));
        }
        Map<Long, Actor> staffByUnit = new LinkedHashMap<>();
        List<FormAssignment> assignments = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            OrgUnit unit = org.createUnit("ju" + u + "-" + s, "旅程单位" + u, UnitKind.UNIT, departments.get(u % DEPARTMENTS));
            staffByUnit.put(unit.id(), org.actorOf(org.createUser("jstaff" + u + "-" + s, "填报" + u, unit, Role.UNIT_STAFF, hash)));
            assignments.add(new FormAssignment(unit.id(), "旅程项目" + u));
        }
        NewCampaign c = new NewCampaign();
        c.name = "截止日旅程 " + s;
        c.fiscalYear = 2024;
        c.formType = FormType.PROJECT;
        c.fillDue = Instant.now().plus(Duration.ofDays(3));
        c.supervisorDue = Instant.now().plus(Duration.ofDays(10));
        c.financeDue = Instant.now().plus(Duration.ofDays(20));
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        Long campaignId = campaigns.create(admin, c).id();
        campaigns.open(admin, campaignId, assignments);
        List<FormHeader> forms = ctx.getBean(FormMapper.class).findByCampaign(campaignId);

        try (ServerProcess server = ServerProcess.start(List.of("-Xmx512m"), serverArgs,
                Path.of("target", "bench", "journey-server.log"))) {
            Map<Long, HttpBrowser> unitBrowsers = new LinkedHashMap<>();
            for (FormHeader form : forms) {
                unitBrowsers.put(form.getId(), signedIn(server, staffByUnit.get(form.getUnitId()), password));
            }
            List<HttpBrowser> supervisorBrowsers = new ArrayList<>();
            for (Actor a : supervisors) {
                supervisorBrowsers.add(signedIn(server, a, password));
            }
            List<HttpBrowser> financeBrowsers = new ArrayList<>();
            for (Actor a : financeReviewers) {
                financeBrowsers.add(signedIn(server, a, password));
            }

            AtomicLong peakHeap = new AtomicLong(server.heapUsed());
            AtomicInteger published = new AtomicInteger();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(15);
            ExecutorService pool = Executors.newFixedThreadPool(50 + supervisors.size() + financeReviewers.size() + 1);
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                while (published.get() < forms.size() && System.nanoTime() < deadline) {
                    peakHeap.accumulateAndGet(server.heapUsed(), Math::max);
                    sleep(200);
                }
            }));
            // 50 unit users at a time, each form's unit doing its whole part.
            ExecutorService unitPool = Executors.newFixedThreadPool(50);
            for (Map.Entry<Long, HttpBrowser> e : unitBrowsers.entrySet()) {
                work.add(unitPool.submit(() -> fillAndSubmit(e.getValue(), e.getKey())));
            }
            Set<Long> decided = ConcurrentHashMap.newKeySet();
            for (HttpBrowser b : supervisorBrowsers) {
                work.add(pool.submit(() -> workInbox(b, f -> true, decided, null, published, forms.size(), deadline)));
            }
            for (int k = 0; k < financeBrowsers.size(); k++) {
                int share = k;
                HttpBrowser b = financeBrowsers.get(k);
                work.add(pool.submit(() -> workInbox(b, f -> f % FINANCE_REVIEWERS == share, ConcurrentHashMap.newKeySet(),
                        published, published, forms.size(), deadline)));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            unitPool.shutdown();
            pool.shutdown();
            if (published.get() < forms.size()) {
                errors.addAndGet(forms.size() - published.get());
                errorSamples.add((forms.size() - published.get()) + " forms not published within 15 minutes");
            }
            Map<String, Double> p95 = new LinkedHashMap<>();
            latencies.forEach((kind, list) -> p95.put(kind, p95(list)));
            errorSamples.stream().limit(5).forEach(e -> System.out.println("journey error: " + e));
            return new Result(published.get(), seconds, p95, errors.get(), peakHeap.get(), server.secondsToFirstPage);
        }
    }

    private static HttpBrowser signedIn(ServerProcess server, Actor actor, String password) throws Exception {
        HttpBrowser browser = new HttpBrowser(server.port);
        String where = browser.login(actor.username(), password);
        if (where.contains("error")) {
            throw new IllegalStateException("login of " + actor.username() + " failed: " + where);
        }
        return browser;
    }

    /** Open the form, save twice, submit, each save from the page the last one led back to. */
    private void fillAndSubmit(HttpBrowser browser, Long formId) {
        EvaluationForm content = ScoringBenchmark.twentyIndicatorForm(false);
        try {
            for (String action : new String[] {"save", "save", "submit"}) {
                String page = timed("form page", 200, () -> browser.get("/forms/" + formId));
                if (page == null) {
                    return;
                }
                List<String[]> fields = new ArrayList<>(FormParams.pairs(content));
                fields.add(new String[] {"version", find(VERSION, page)});
                fields.add(new String[] {"requestKey", find(KEY, page)});
                fields.add(new String[] {"_csrf", HttpBrowser.csrf(page)});
                fields.add(new String[] {"action", action});
                if (timed(action, 302, () -> browser.post("/forms/" + formId, fields)) == null) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            error("unit journey of form " + formId + ": " + e);
        }
    }

    /**
     * A reviewer's loop: the inbox, then each form of their share that they have not decided yet:
     * open it and approve it with one opinion ticked.
     */
    private void workInbox(HttpBrowser browser, java.util.function.LongPredicate mine, Set<Long> decided,
                           AtomicInteger countAsPublished, AtomicInteger published, int total, long deadline) {
        try {
            while (published.get() < total && System.nanoTime() < deadline) {
                String inbox = timed("inbox", 200, () -> browser.get("/tasks"));
                boolean any = false;
                Matcher m = FORM_LINK.matcher(inbox == null ? "" : inbox);
                while (m.find()) {
                    long formId = Long.parseLong(m.group(1));
                    if (!mine.test(formId) || !decided.add(formId)) {
                        continue;
                    }
                    any = true;
                    String page = timed("review page", 200, () -> browser.get("/forms/" + formId));
                    if (page == null) {
                        continue;
                    }
                    List<String[]> fields = List.of(new String[] {"decision", "APPROVE"}, new String[] {"opt", "0"},
                            new String[] {"detail0", "项目成效好"}, new String[] {"overallOpinion", "同意"},
                            new String[] {"_csrf", HttpBrowser.csrf(page)});
                    if (timed("approve", 302, () -> browser.post("/forms/" + formId + "/review", fields)) != null
                            && countAsPublished != null) {
                        countAsPublished.incrementAndGet();
                    }
                }
                if (!any) {
                    sleep(100);
                }
            }
        } catch (RuntimeException e) {
            error("reviewer loop: " + e);
        }
    }

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** The page's body if it answered with the expected status; otherwise counted as an error. */
    private String timed(String kind, int expected, Request request) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> response = request.send();
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t);
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != expected || location.contains("/login") || location.contains("error")) {
                error(kind + " answered " + response.statusCode() + " " + location);
                return null;
            }
            return response.body();
        } catch (Exception e) {
            error(kind + ": " + e);
            return null;
        }
    }

    private void error(String what) {
        errors.incrementAndGet();
        errorSamples.add(what);
    }

    private static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("page lacks " + pattern);
        }
        return m.group(1);
    }

    private static double p95(List<Long> nanos) {
        long[] sorted;
        synchronized (nanos) {
            sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.95)] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
