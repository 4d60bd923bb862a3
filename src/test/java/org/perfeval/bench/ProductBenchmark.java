package org.perfeval.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.perfeval.PerfevalApplication;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.inbox.InboxFilter;
import org.perfeval.inbox.InboxService;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.shared.Role;
import org.perfeval.organisation.UnitKind;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The product against the bare engine, in one run on one database (docs/performance.md). Prints a
 * table and writes it to target/bench/product.md. Arguments: scale (1.0 = the sizes).
 */
public final class ProductBenchmark {
    static final String PASSWORD = "bench-password-1";

    private final ConfigurableApplicationContext ctx;
    private final List<String[]> table = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong[] stepNanos = {new java.util.concurrent.atomic.AtomicLong(),
            new java.util.concurrent.atomic.AtomicLong(), new java.util.concurrent.atomic.AtomicLong(),
            new java.util.concurrent.atomic.AtomicLong()};
    private final AtomicInteger stepCount = new AtomicInteger();
    private final double scale;
    private boolean maria;
    private double serviceLifecycles;
    private Actor admin;
    private Actor staff;
    private Actor reviewer;
    private Actor finance;
    private OrgUnit unit;

    ProductBenchmark(ConfigurableApplicationContext ctx, double scale) {
        this.ctx = ctx;
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        boolean maria = "mariadb".equalsIgnoreCase(System.getProperty("perfeval.db", "h2"));
        // On MariaDB the server counts statements (Questions); the JDBC proxy is for H2 only.
        Class<?>[] sources = maria ? new Class<?>[] {PerfevalApplication.class, CeilingPage.class}
                : new Class<?>[] {PerfevalApplication.class, CeilingPage.class, StatementCounter.class};
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(sources)
                .profiles(maria ? new String[] {"bench", "mariadb"} : new String[] {"bench"})
                .properties("server.port=0", "camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
                        "spring.datasource.hikari.maximum-pool-size=10")
                .run();
        try {
            ProductBenchmark bench = new ProductBenchmark(ctx, scale);
            bench.maria = maria;
            bench.run(maria ? "MariaDB" : "H2");
        } finally {
            ctx.close();
        }
        System.exit(0);
    }

    void run(String database) throws Exception {
        // -Dbench.parts=open,lifecycle,inbox,http,scoring (the default) to rerun one part while profiling;
        // startup and journey (MariaDB) start the packaged jar in JVMs of their own and are asked for by name.
        java.util.Set<String> parts = java.util.Set.of(System.getProperty("bench.parts",
                "open,lifecycle,inbox,http,scoring").split(","));
        setUp();
        ctx.getBean(ProcessEngine.class).getRepositoryService().createDeployment()
                .addClasspathResource("bench/bare-lifecycle.bpmn").deploy();
        int reps = 3;
        if (parts.contains("open")) {
            int openN = n(10_000);
            bareStarts(Math.max(100, openN / 10));
            openCampaign(Math.max(100, openN / 10));
            double[][] turns = inTurns(reps, () -> bareStarts(openN / reps), () -> openCampaign(openN / reps));
            row("bare engine process starts/s in batches of 100 (" + openN + " starts)", medianOf(turns[0]));
            row("campaign opening, forms/s (" + openN + " forms)", medianOf(turns[1]));
            row("ratio opening/bare starts (and each turn's ratio)", medianOf(turns[1]) / medianOf(turns[0]),
                    turns[1][0] / turns[0][0], turns[1][1] / turns[0][1], turns[1][2] / turns[0][2]);
            long before = statements();
            openCampaign(100);
            row("statements per opened form (a batch of 100)", (statements() - before) / 100.0);
        }
        if (parts.contains("lifecycle")) {
            int lifecycles = n(300);
            // Both warmed up first (JIT, buffer pool), then measured in turns, so that neither gains from
            // coming later or loses to a slow spell of the machine.
            bareLifecycles(Math.max(10, lifecycles / 3), 2);
            productLifecycles(Math.max(10, lifecycles / 3), 2);
            stepNanos[0].set(0); stepNanos[1].set(0); stepNanos[2].set(0); stepNanos[3].set(0); stepCount.set(0);
            double[][] one = inTurns(reps, () -> bareLifecycles(lifecycles, 1), () -> productLifecycles(lifecycles, 1));
            double steps = Math.max(1, stepCount.get());
            row("product lifecycle, 1 thread, ms per step: save draft / submit / supervisor approve / finance approve + publish",
                    stepNanos[0].get() / steps / 1e6, stepNanos[1].get() / steps / 1e6, stepNanos[2].get() / steps / 1e6,
                    stepNanos[3].get() / steps / 1e6);
            double[][] two = inTurns(reps, () -> bareLifecycles(lifecycles, 2), () -> productLifecycles(lifecycles, 2));
            row("bare engine lifecycles/s, 1 thread", medianOf(one[0]));
            row("bare engine lifecycles/s, 2 threads", medianOf(two[0]));
            row("product lifecycles/s, 1 thread", medianOf(one[1]));
            row("product lifecycles/s, 2 threads", medianOf(two[1]));
            serviceLifecycles = medianOf(two[1]);
            row("ratio product/bare, 1 thread", medianOf(one[1]) / medianOf(one[0]));
            row("ratio product/bare, 2 threads (and each turn's ratio)", medianOf(two[1]) / medianOf(two[0]),
                    two[1][0] / two[0][0], two[1][1] / two[0][1], two[1][2] / two[0][2]);
            long before = statements();
            productLifecycles(20, 1);
            row("statements per product lifecycle", (statements() - before) / 20.0);
            before = statements();
            bareLifecycles(20, 1);
            row("statements per bare lifecycle", (statements() - before) / 20.0);
        }
        if (parts.contains("trace") && maria) {
            // One lifecycle with the server's general log on (to /tmp/general.log): which statements, in which order.
            var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            productLifecycles(1, 1);
            jdbc.execute("SET GLOBAL general_log_file = '/tmp/general.log'");
            jdbc.execute("SET GLOBAL general_log = 1");
            productLifecycles(1, 1);
            jdbc.execute("SET GLOBAL general_log = 0");
            // Where a lifecycle's time goes: wall clock, this JVM's processor time and the database
            // server's processor time (from /proc), for each side, one thread, in three alternating turns
            // after a warm-up.
            Path serverStat = Path.of("/proc", Files.readString(Path.of("/run/mysqld/mysqld.pid")).strip(), "stat");
            Path ownStat = Path.of("/proc/self/stat");
            productLifecycles(50, 1);
            bareLifecycles(50, 1);
            for (int turn = 0; turn < 3; turn++) {
                for (String side : List.of("bare", "product")) {
                    int n = 100;
                    long server0 = cpuTicks(serverStat), own0 = cpuTicks(ownStat), t0 = System.nanoTime();
                    if (side.equals("product")) {
                        productLifecycles(n, 1);
                    } else {
                        bareLifecycles(n, 1);
                    }
                    double wall = (System.nanoTime() - t0) / 1e6 / n;
                    double own = (cpuTicks(ownStat) - own0) * 10.0 / n;
                    double server = (cpuTicks(serverStat) - server0) * 10.0 / n;
                    row("ms per " + side + " lifecycle, turn " + (turn + 1) + ": wall / benchmark JVM processor / database server processor",
                            wall, own, server);
                }
            }
        }
        if (parts.contains("inbox")) {
            inbox();
        }
        if (parts.contains("inbox100k") && maria) {
            inboxAtProvinceScale();
        }
        if (parts.contains("http")) {
            http();
        }
        if (parts.contains("journey")) {
            journey();
        }
        if (parts.contains("startup")) {
            startup();
        }
        if (parts.contains("scoring")) {
            row("scoring, forms/s in-process (1 thread)", scoring());
        }
        print(database);
    }

    private long statements() {
        if (!maria) {
            return StatementCounter.EXECUTED.get();
        }
        return ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SHOW GLOBAL STATUS LIKE 'Questions'", (rs, i) -> rs.getLong(2));
    }

    private void setUp() {
        OrgAdminService org = ctx.getBean(OrgAdminService.class);
        String s = Long.toString(System.nanoTime(), 36);
        OrgUnit fin = org.createUnit("bcz-" + s, "基准财政局", UnitKind.FINANCE, null);
        OrgUnit dept = org.createUnit("bdept-" + s, "基准主管部门", UnitKind.SUPERVISING, null);
        unit = org.createUnit("bunit-" + s, "基准单位", UnitKind.UNIT, dept);
        admin = org.actorOf(org.createUser("badmin-" + s, "管理员", fin, Role.ADMIN, PASSWORD));
        staff = org.actorOf(org.createUser("bstaff-" + s, "填报人", unit, Role.UNIT_STAFF, PASSWORD));
        reviewer = org.actorOf(org.createUser("brev-" + s, "审核人", dept, Role.SUPERVISOR_REVIEWER, PASSWORD));
        finance = org.actorOf(org.createUser("bfin-" + s, "财审", fin, Role.FINANCE_REVIEWER, PASSWORD));
    }

    private Long campaign(String name) {
        NewCampaign c = new NewCampaign();
        c.name = name;
        c.fiscalYear = 2024;
        c.formType = FormType.PROJECT;
        c.fillDue = Instant.now().plus(Duration.ofDays(30));
        c.supervisorDue = Instant.now().plus(Duration.ofDays(40));
        c.financeDue = Instant.now().plus(Duration.ofDays(50));
        return ctx.getBean(CampaignService.class).create(admin, c).id();
    }

    /** Opens forms in batches of 100 per transaction, as an administrator's one click would in a loop. */
    private double openCampaign(int forms) {
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        Long id = campaign("开启基准 " + System.nanoTime());
        long start = System.nanoTime();
        for (int i = 0; i < forms; i += 100) {
            List<FormAssignment> batch = new ArrayList<>();
            for (int j = i; j < Math.min(forms, i + 100); j++) {
                batch.add(new FormAssignment(unit.id(), "项目" + j));
            }
            campaigns.open(admin, id, batch);
        }
        return forms / seconds(start);
    }

    /** utime + stime of a process, in clock ticks (10 ms on Linux). */
    private static long cpuTicks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private double bareLifecycles(int n, int threads) {
        ProcessEngine engine = ctx.getBean(ProcessEngine.class);
        TaskService tasks = engine.getTaskService();
        return parallel(n, threads, i -> {
            String pid = engine.getRuntimeService().startProcessInstanceByKey("bare-lifecycle",
                    Map.of("formId", (long) i)).getId();
            for (int step = 0; step < 3; step++) {
                Task t = tasks.createTaskQuery().processInstanceId(pid).singleResult();
                tasks.claim(t.getId(), "bench");
                tasks.complete(t.getId(), Map.of("decision", "APPROVE"));
            }
        });
    }

    private double productLifecycles(int n, int threads) {
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        FormMapper forms = ctx.getBean(FormMapper.class);
        Long id = campaign("流程基准 " + System.nanoTime());
        List<FormAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assignments.add(new FormAssignment(unit.id(), "流程项目" + i));
        }
        campaigns.open(admin, id, assignments);
        List<FormHeader> opened = forms.findByCampaign(id);
        org.perfeval.approval.Approval service = ctx.getBean(org.perfeval.approval.Approval.class);
        ReviewService reviews = ctx.getBean(ReviewService.class);
        return parallel(n, threads, i -> {
            // A fresh form per lifecycle: the service fills in the fixed fields of what it is given.
            EvaluationForm content = ScoringBenchmark.twentyIndicatorForm(false);
            Long formId = opened.get(i).getId();
            long t0 = System.nanoTime();
            int v = ctx.getBean(org.perfeval.form.EvaluationFormService.class).saveDraft(staff, formId, forms.findHeader(formId).getVersion(), content);
            long t1 = System.nanoTime();
            service.submit(staff, formId, v, content);
            long t2 = System.nanoTime();
            reviews.decide(reviewer, formId, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", "良好"), "同意", null));
            long t3 = System.nanoTime();
            reviews.decide(finance, formId, new ReviewInput(Decision.APPROVE, Map.of(), "同意公开", null));
            long t4 = System.nanoTime();
            stepNanos[0].addAndGet(t1 - t0);
            stepNanos[1].addAndGet(t2 - t1);
            stepNanos[2].addAndGet(t3 - t2);
            stepNanos[3].addAndGet(t4 - t3);
            stepCount.incrementAndGet();
        });
    }

    private void inbox() {
        InboxService inbox = ctx.getBean(InboxService.class);
        TaskService tasks = ctx.getBean(ProcessEngine.class).getTaskService();
        for (int target : new int[] {n(1_000), n(10_000)}) {
            int open = (int) tasks.createTaskQuery().taskCandidateGroup("unit-" + unit.id()).count();
            if (open < target) {
                openCampaignQuietly(target - open);
            }
            long actual = tasks.createTaskQuery().taskCandidateGroup("unit-" + unit.id()).count();
            double[] unitPage = latencies(200, () -> inbox.inbox(staff, InboxFilter.none(), 0));
            double[] enginePage = latencies(50, () -> tasks.createTaskQuery().taskCandidateGroup("unit-" + unit.id())
                    .orderByTaskCreateTime().desc().listPage(0, 20));
            row("unit inbox first page, " + actual + " open tasks: p50 / p95 ms (projection)",
                    unitPage[0], unitPage[1]);
            row("same page through the engine's task query: p50 / p95 ms", enginePage[0], enginePage[1]);
        }
        double[] reviewerPage = latencies(200, () -> inbox.inbox(reviewer, InboxFilter.none(), 0));
        row("reviewer inbox first page: p50 / p95 ms", reviewerPage[0], reviewerPage[1]);
    }

    /**
     * The projection's first page with up to 100,000 open tasks in one candidate group. Opening that
     * many forms through the product takes longer than a run allows, so real forms are cloned in SQL
     * (MariaDB's sequence engine) together with their inbox rows; the engine holds no tasks for them,
     * so only our projection is measured here.
     */
    private void inboxAtProvinceScale() {
        var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        InboxService inbox = ctx.getBean(InboxService.class);
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        Long campaignId = campaign("省级收件箱 " + System.nanoTime());
        campaigns.open(admin, campaignId, List.of(new FormAssignment(unit.id(), "样板项目")));
        Long model = ctx.getBean(FormMapper.class).findByCampaign(campaignId).get(0).getId();
        String columns = jdbc.queryForObject("SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position)"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'evaluation_form'"
                + " AND column_name NOT IN ('id', 'title', 'process_instance_id')", String.class);
        String group = "unit-" + unit.id();
        String dept = "dept-" + unit.supervisingUnitId();
        int batch = 0;
        for (int target : new int[] {1_000, 10_000, 100_000}) {
            int open = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task WHERE candidate_group = ?", Integer.class, group);
            while (open < target) {
                int add = Math.min(20_000, target - open);
                String tag = "克隆" + (batch++) + "-";
                jdbc.update("INSERT INTO evaluation_form (" + columns + ", title) SELECT " + columns + ", CONCAT(?, s.seq)"
                        + " FROM evaluation_form f JOIN seq_1_to_" + add + " s WHERE f.id = ?", tag, model);
                // Half in the unit's group, half at its department, so both inboxes grow.
                jdbc.update("INSERT INTO inbox_task (task_id, form_id, stage, candidate_group, assignee, created_at, due_at,"
                        + " campaign_id, unit_id)"
                        + " SELECT CONCAT('synthetic-', f.id), f.id, IF(f.id % 2 = 0, 'Task_FillDraft', 'Task_SupervisorReview'),"
                        + " IF(f.id % 2 = 0, ?, ?), NULL, NOW() - INTERVAL (f.id % 100000) SECOND, NOW() + INTERVAL 10 DAY,"
                        + " f.campaign_id, f.unit_id"
                        + " FROM evaluation_form f WHERE f.campaign_id = ? AND f.title LIKE CONCAT(?, '%')",
                        group, dept, campaignId, tag);
                open = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task WHERE candidate_group = ?", Integer.class, group);
            }
            int total = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_task", Integer.class);
            double[] unitPage = latencies(200, () -> inbox.inbox(staff, InboxFilter.none(), 0));
            double[] reviewerPage = latencies(200, () -> inbox.inbox(reviewer, InboxFilter.none(), 0));
            double[] overduePage = latencies(100, () -> inbox.inbox(reviewer,
                    new InboxFilter(null, null, null, Instant.now().plus(Duration.ofDays(30))), 0));
            double[] campaignPage = latencies(100, () -> inbox.inbox(staff,
                    new InboxFilter(campaignId, null, null, null), 0));
            row("projection, " + open + " open tasks in the unit's group (" + total + " in all): unit first page p50 / p95 ms",
                    unitPage[0], unitPage[1]);
            row("  same: reviewer first page p50 / p95 ms; reviewer 'overdue' filter p50 / p95 ms;"
                    + " unit filtered by campaign p50 / p95 ms", reviewerPage[0], reviewerPage[1], overduePage[0],
                    overduePage[1], campaignPage[0], campaignPage[1]);
        }
    }

    /**
     * The comparator for campaign opening: the bare process started in batches of 100 per
     * transaction, as opening starts its forms' processes.
     */
    private double bareStarts(int n) {
        ProcessEngine engine = ctx.getBean(ProcessEngine.class);
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        long start = System.nanoTime();
        for (int i = 0; i < n; i += 100) {
            int from = i;
            tx.executeWithoutResult(status -> {
                for (int j = from; j < Math.min(n, from + 100); j++) {
                    engine.getRuntimeService().startProcessInstanceByKey("bare-lifecycle", Map.of("formId", (long) j));
                }
            });
        }
        return n / seconds(start);
    }

    /** Time to the first served page of the packaged application on the embedded default, first start and restart. */
    private void startup() throws Exception {
        if (!Files.exists(ServerProcess.JAR)) {
            row("start-up: skipped (no target/perfeval.jar: ./mvnw -DskipTests package first)");
            return;
        }
        Path log = Path.of("target", "bench", "startup.log");
        Files.createDirectories(log.getParent());
        Path extracted = ServerProcess.extractWithClassArchive(Path.of("target", "bench", "app"), log);
        List<String> archive = List.of("-XX:SharedArchiveFile=" + extracted.resolveSibling("perfeval.jsa"));
        for (boolean production : new boolean[] {false, true}) {
            Path data = Files.createTempDirectory("perfeval-startup");
            Path jar = production ? extracted : ServerProcess.JAR;
            List<String> jvm = production ? archive : List.of();
            double[] first;
            try (ServerProcess server = ServerProcess.start(jar, jvm, List.of("--perfeval.data-dir=" + data), log)) {
                first = new double[] {server.secondsToFirstPage, server.cpuSecondsToFirstPage};
            }
            double[] again;
            try (ServerProcess server = ServerProcess.start(jar, jvm, List.of("--perfeval.data-dir=" + data), log)) {
                again = new double[] {server.secondsToFirstPage, server.cpuSecondsToFirstPage};
            }
            String how = production ? "extracted jar with its class archive (README, production)" : "java -jar perfeval.jar";
            row("start-up to the first served page, " + how + ", embedded default with demo data, first start: s, processor s", first);
            row("  restart on the same data: s, processor s", again);
        }
    }

    /** The deadline-day journey over HTTP (MariaDB: the server in its own JVM shares the benchmark's database). */
    private void journey() throws Exception {
        if (!maria || !Files.exists(ServerProcess.JAR)) {
            row("deadline-day journey: skipped (needs -Dperfeval.db=mariadb and target/perfeval.jar)");
            return;
        }
        if (serviceLifecycles == 0) {
            productLifecycles(Math.max(10, n(100)), 2);
            serviceLifecycles = productLifecycles(Math.max(20, n(300)), 2);
        }
        int units = Math.max(20, n(200));
        DeadlineDayJourney.Result r = new DeadlineDayJourney().run(ctx, units, PASSWORD,
                List.of("--spring.profiles.active=bench,mariadb", "--logging.level.root=WARN"));
        double perSecond = r.journeys() / r.seconds();
        row("deadline-day journey, " + units + " unit users + 20 reviewers, server -Xmx512m: journeys/s", perSecond);
        row("  ratio journeys/s to service-level lifecycles/s (2 threads, same run)", perSecond / serviceLifecycles);
        r.p95Millis().forEach((kind, p95) -> row("  p95 ms, " + kind, p95));
        row("  errors / forms published / server peak heap MB", r.errors(), r.journeys(), r.peakHeap() / 1048576.0);
    }

    private void openCampaignQuietly(int forms) {
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        Long id = campaign("收件箱基准 " + System.nanoTime());
        for (int i = 0; i < forms; i += 200) {
            List<FormAssignment> batch = new ArrayList<>();
            for (int j = i; j < Math.min(forms, i + 200); j++) {
                batch.add(new FormAssignment(unit.id(), "收件箱项目" + j));
            }
            campaigns.open(admin, id, batch);
        }
    }

    /**
     * 50 logged-in sessions on loopback against the inbox and a form page: one HTTP client (one
     * selector thread, as a load generator would have) sending each session's cookie; 3 s of warm-up
     * per page, then a measured window.
     */
    private void http() throws Exception {
        String base = "http://localhost:" + ctx.getBean(Environment.class).getProperty("local.server.port");
        if (ctx.getBean(InboxService.class).inbox(staff, 0).isEmpty()) {
            openCampaignQuietly(20); // run on its own: the unit needs forms to list and open
        }
        Long formId = ctx.getBean(InboxService.class).inbox(staff, 0).get(0).formId();
        int users = 50;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            sessions.add(login(client, base, staff.username()));
        }
        long window = (long) Math.max(3, 10 * Math.min(1, scale));
        // The ceiling: a fixed template of the inbox page's size behind the same filters and session store.
        int rows = ceilingRows(client, base, sessions.get(0), bodyLength(client, base + "/tasks", sessions.get(0)));
        // The form page is about twice the inbox page's size: a second ceiling of its own size shows how
        // much of its distance to the first is the bytes alone.
        int formRows = ceilingRows(client, base, sessions.get(0), bodyLength(client, base + "/forms/" + formId, sessions.get(0)));
        String[] paths = {"/bench/ceiling?rows=" + rows, "/tasks", "/forms/" + formId, "/bench/ceiling?rows=" + formRows};
        String[] names = {"ceiling (fixed template, " + rows + " rows)", "/tasks", "/forms/{id}",
                "ceiling of the form page's size (" + formRows + " rows)"};
        for (String path : paths) {
            HttpLoad.run(client, URI.create(base + path), sessions, 5); // the server's JIT first, whichever client measures
        }
        // Measured in turns (ceiling, inbox, form page, and again), so a slow spell of the machine hits all three.
        int turns = 3;
        double[][] reqs = new double[paths.length][turns];
        double[][] p95 = new double[paths.length][turns];
        long errors = 0;
        for (int turn = 0; turn < turns; turn++) {
            for (int p = 0; p < paths.length; p++) {
                long[] result = loadFromOwnProcess(base + paths[p], sessions, window);
                reqs[p][turn] = result[0] / (double) window;
                p95[p][turn] = result[1] / 1e6;
                errors += result[2];
            }
        }
        for (int p = 0; p < paths.length; p++) {
            row("HTTP GET " + names[p] + ", 50 users, load generator in its own JVM: req/s, p95 ms (medians of "
                    + turns + " turns)", medianOf(reqs[p]), medianOf(p95[p]));
        }
        row("  errors in all turns", errors);
        double ceiling = medianOf(reqs[0]);
        row("ratio /tasks to the ceiling (and each turn's ratio)", medianOf(reqs[1]) / ceiling,
                reqs[1][0] / reqs[0][0], reqs[1][1] / reqs[0][1], reqs[1][2] / reqs[0][2]);
        row("ratio /forms/{id} to the ceiling (and each turn's ratio)", medianOf(reqs[2]) / ceiling,
                reqs[2][0] / reqs[0][0], reqs[2][1] / reqs[0][1], reqs[2][2] / reqs[0][2]);
        row("  ratio /forms/{id} to the ceiling of its own size (and each turn's ratio)", medianOf(reqs[2]) / medianOf(reqs[3]),
                reqs[2][0] / reqs[3][0], reqs[2][1] / reqs[3][1], reqs[2][2] / reqs[3][2]);
        long[] inJvm = HttpLoad.run(client, URI.create(base + paths[1]), sessions, window);
        row("HTTP GET /tasks with the load generator inside the application's JVM: req/s, p95 ms, errors",
                inJvm[0] / (double) window, inJvm[1] / 1e6, inJvm[2]);
    }

    /** The ceiling's rows for a page of {@code bytes}: the first count whose page is at least as long. */
    private static int ceilingRows(HttpClient client, String base, String cookie, int bytes)
            throws IOException, InterruptedException {
        int rows = 1;
        while (rows < 2_000 && bodyLength(client, base + "/bench/ceiling?rows=" + rows, cookie) < bytes) {
            rows = rows < 8 ? rows + 1 : rows * 5 / 4;
        }
        return rows;
    }

    private static int bodyLength(HttpClient client, String url, String cookie) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body().length;
    }

    /** {@link HttpLoad} started from its source file as a separate process (3 s warm-up, then the window). */
    private static long[] loadFromOwnProcess(String url, List<String> sessions, long seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                java.nio.file.Path.of("src", "test", "java", "org", "perfeval", "bench", "HttpLoad.java").toString(),
                url, "3", String.valueOf(seconds)));
        command.addAll(sessions);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("load generator failed: " + out);
        }
        String[] figures = out.split(" ");
        return new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2])};
    }

    /** Logs in and returns the session cookie. */
    private static String login(HttpClient client, String base, String username) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD
                        + "&_csrf=" + m.group(1))).build(), HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed");
        }
        return login.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
    }

    private double scoring() {
        var scorer = Scorers.fromClasspath();
        EvaluationForm form = ScoringBenchmark.twentyIndicatorForm(false);
        int n = n(200_000);
        for (int i = 0; i < Math.min(n, 50_000); i++) {
            scorer.score(form);
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            scorer.score(form);
        }
        return n / seconds(start);
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private static double parallel(int n, int threads, Step step) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    step.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return n / seconds(start);
    }

    private static double[] latencies(int n, Runnable call) {
        for (int i = 0; i < 20; i++) {
            call.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) (n * 0.95)]};
    }

    /** Runs a and b one after the other, reps times; returns their figures in turn order. */
    private static double[][] inTurns(int reps, java.util.function.DoubleSupplier a, java.util.function.DoubleSupplier b) {
        double[][] figures = new double[2][reps];
        for (int i = 0; i < reps; i++) {
            figures[0][i] = a.getAsDouble();
            figures[1][i] = b.getAsDouble();
        }
        return figures;
    }

    private static double medianOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double median(int reps, java.util.function.DoubleSupplier run) {
        double[] values = new double[reps];
        for (int i = 0; i < reps; i++) {
            values[i] = run.getAsDouble();
        }
        Arrays.sort(values);
        return values[reps / 2];
    }

    private int n(int full) {
        return Math.max(10, (int) (full * scale));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void row(String what, double... values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.isEmpty() ? "" : " / ").append(v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v));
        }
        table.add(new String[] {what, s.toString()});
        System.out.println(what + ": " + s);
    }

    private void print(String database) throws IOException {
        StringBuilder out = new StringBuilder("| measure (" + database + ", scale " + scale + ", "
                + Instant.now() + ") | value |\n|---|---|\n");
        for (String[] r : table) {
            out.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n");
        }
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("product-" + database.toLowerCase() + ".md"), out.toString());
        System.out.println();
        System.out.println(out);
    }

}
