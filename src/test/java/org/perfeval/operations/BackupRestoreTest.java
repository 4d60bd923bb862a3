package org.perfeval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfeval.cli.BackupCommand;
import org.perfeval.evidence.EvidenceService;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.support.AppInstance;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backup and restore with the jar's verbs: forms at every stage with evidence are backed up,
 * restored into an empty database and evidence directory, and found again row for row (every table,
 * ours and the engine's), every file by checksum, every running process instance, which then goes on
 * to publication. On the embedded default (H2 files, application stopped) and, under
 * -Dperfeval.db=mariadb, on MariaDB (online: the source node keeps running during the backup).
 */
@Tag("db")
class BackupRestoreTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n备份测试\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    @Test
    void embeddedDefault(@TempDir Path tmp) throws Exception {
        Path source = tmp.resolve("source");
        Path restored = tmp.resolve("restored");
        Path backup = tmp.resolve("backup");
        Stages stages;
        Map<String, Long> before;
        try (ConfigurableApplicationContext app = AppInstance.fileMode(source)) {
            stages = formsAtEveryStage(app);
            before = rowCounts(app.getBean(JdbcTemplate.class), true);
        }
        assertThat(verb("backup", backup.toString(), "--perfeval.data-dir=" + source,
                "--spring.profiles.active=operator")).isZero();
        assertThat(verb("restore", backup.toString(), "--perfeval.data-dir=" + restored,
                "--spring.profiles.active=operator")).isZero();
        try (ConfigurableApplicationContext app = AppInstance.fileMode(restored)) {
            checkRestored(app, stages, before, true, "H2");
        }
    }

    @Test
    void mariaDb(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TestProfiles.onMariaDb(), "needs -Dperfeval.db=mariadb (.ci/run)");
        String sourceDb = System.getenv().getOrDefault("PERFEVAL_DB_NAME", "perfeval");
        String restoredDb = sourceDb + "_restored";
        Path backup = tmp.resolve("backup");
        String sourceEvidence = "--perfeval.evidence.dir=" + tmp.resolve("source-evidence");
        String restoredEvidence = "--perfeval.evidence.dir=" + tmp.resolve("restored-evidence");
        Stages stages;
        Map<String, Long> before;
        try (ConfigurableApplicationContext app = AppInstance.mariaDbNode("backup-source", sourceEvidence)) {
            stages = formsAtEveryStage(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.execute("DROP DATABASE IF EXISTS " + restoredDb);
            jdbc.execute("CREATE DATABASE " + restoredDb + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            before = rowCounts(jdbc, false);
            // Online: the source node is still running.
            assertThat(verb("backup", backup.toString(), "--spring.profiles.active=mariadb", sourceEvidence)).isZero();
        }
        assertThat(verb("restore", backup.toString(), "--spring.profiles.active=mariadb",
                "--PERFEVAL_DB_NAME=" + restoredDb, restoredEvidence)).isZero();
        try (ConfigurableApplicationContext app = AppInstance.mariaDbNode("backup-restored",
                "--PERFEVAL_DB_NAME=" + restoredDb, restoredEvidence)) {
            checkRestored(app, stages, before, false, "MariaDB");
        }
    }

    record Stages(TestOrg.World world, Map<FormStatus, Long> formByStage, Long running, List<Long> forms) {
    }

    /** Draft (with files), returned, waiting for each reviewer, published: one form each. */
    private static Stages formsAtEveryStage(ConfigurableApplicationContext app) throws Exception {
        TestOrg org = AppInstance.testOrg(app);
        TestOrg.World w = org.create();
        EvaluationFormService forms = app.getBean(EvaluationFormService.class);
        org.perfeval.approval.Approval approval = app.getBean(org.perfeval.approval.Approval.class);
        ReviewService reviews = app.getBean(ReviewService.class);
        EvidenceService evidence = app.getBean(EvidenceService.class);
        FormMapper mapper = app.getBean(FormMapper.class);
        Function<String, Long> open = title -> org.openForm(w, title).getId();
        Long draft = open.apply("备份-填报中");
        forms.saveDraft(w.staffA(), draft, mapper.findHeader(draft).getVersion(), Fixtures.clean());
        Long returned = open.apply("备份-已退回");
        Long supervisor = open.apply("备份-主管审核");
        Long finance = open.apply("备份-财政审核");
        Long published = open.apply("备份-已公开");
        for (Long id : List.of(draft, returned, supervisor, finance, published)) {
            evidence.upload(w.staffA(), id, null, "证明-" + id + ".pdf", PDF.length, new ByteArrayInputStream(PDF));
            evidence.upload(w.staffA(), id, 1, "照片-" + id + ".png", PNG.length, new ByteArrayInputStream(PNG));
        }
        for (Long id : List.of(returned, supervisor, finance, published)) {
            approval.submit(w.staffA(), id, mapper.findHeader(id).getVersion(), Fixtures.clean());
        }
        Actor reviewer = w.reviewer1();
        reviews.decide(reviewer, returned, new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), "请补充", "偏差原因不完整"));
        for (Long id : List.of(finance, published)) {
            reviews.decide(reviewer, id, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", "成效明显"), "同意", null));
        }
        reviews.decide(w.finance(), published, new ReviewInput(Decision.APPROVE, Map.of("规范财政资金管理", ""), "同意公开", null));
        Map<FormStatus, Long> byStage = new TreeMap<>();
        for (Long id : List.of(draft, supervisor, finance, published)) {
            byStage.put(mapper.findHeader(id).getStatus(), id);
        }
        assertThat(byStage).containsOnlyKeys(FormStatus.DRAFT, FormStatus.SUPERVISOR_REVIEW, FormStatus.FINANCE_REVIEW,
                FormStatus.PUBLISHED);
        assertThat(mapper.findHeader(returned).getStatus()).isEqualTo(FormStatus.DRAFT);
        return new Stages(w, byStage, supervisor, List.of(draft, returned, supervisor, finance, published));
    }

    private static void checkRestored(ConfigurableApplicationContext app, Stages stages, Map<String, Long> before,
                                      boolean h2, String label) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Map<String, Long> after = rowCounts(jdbc, h2);
        assertThat(after).isEqualTo(before);

        // Every file, by checksum, through the application.
        EvidenceService evidence = app.getBean(EvidenceService.class);
        // This test's files (on a shared test database other tests' rows point at their own directories).
        List<Map<String, Object>> files = new ArrayList<>();
        for (Long form : stages.forms()) {
            files.addAll(jdbc.queryForList("SELECT id, sha256 FROM evidence WHERE form_id = ?", form));
        }
        assertThat(files).hasSize(2 * stages.forms().size());
        int checked = 0;
        for (Map<String, Object> row : files) {
            byte[] bytes = evidence.download(stages.world().finance(), ((Number) row.get("id")).longValue()).bytes();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(row.get("sha256"));
            checked++;
        }
        long runningInstances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL", Long.class);

        // The running instance goes on to publication.
        ReviewService reviews = app.getBean(ReviewService.class);
        Long id = stages.running();
        reviews.decide(stages.world().reviewer1(), id, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", ""), "同意", null));
        reviews.decide(stages.world().finance(), id, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", ""), "同意公开", null));
        assertThat(app.getBean(FormMapper.class).findHeader(id).getStatus()).isEqualTo(FormStatus.PUBLISHED);

        List<String> counted = new ArrayList<>();
        for (String table : List.of("evaluation_form", "workflow_record", "review_opinion", "review_opinion_option",
                "audit_log", "evidence", "published_record", "ACT_RU_TASK", "ACT_HI_PROCINST")) {
            counted.add(table + " " + before.get(table.toLowerCase()));
        }
        System.out.printf("backup/restore on %s: every table's row count equal (%d tables, %d rows), %s; %d files equal by"
                        + " checksum; %d running process instances; form %d continued to publication%n", label,
                before.size(), before.values().stream().mapToLong(Long::longValue).sum(), counted, checked,
                runningInstances, id);
    }

    /** Row count of every table of the schema (ours and the engine's), by lower-case name. */
    private static Map<String, Long> rowCounts(JdbcTemplate jdbc, boolean h2) {
        List<String> tables = jdbc.queryForList(h2
                ? "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
                String.class);
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table.toLowerCase(), jdbc.queryForObject("SELECT COUNT(*) FROM " + (h2 ? "\"" + table + "\"" : "`" + table + "`"),
                    Long.class));
        }
        assertThat(counts).containsKeys("evaluation_form", "act_ru_execution", "spring_session");
        return counts;
    }

    private static int verb(String verb, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BackupCommand.run(verb, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        System.out.print(err.toString(StandardCharsets.UTF_8));
        return exit;
    }
}
