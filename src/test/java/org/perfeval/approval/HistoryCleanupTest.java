package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engine forgets finished instances after the history time-to-live; the product's own records
 * (form, workflow records, opinions, audit) stay complete and the pages still render.
 */
// A database of its own, closed afterwards: in the full run, other tests' process versions and instances
// in the shared test database kept the cleanup from reaching this test's instance (seen only there).
@org.springframework.boot.test.context.SpringBootTest(properties =
        "spring.datasource.url=jdbc:h2:mem:history-cleanup;MODE=MySQL;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000")
@org.springframework.test.context.ActiveProfiles("test")
@org.springframework.context.annotation.Import(TestOrg.class)
@org.springframework.test.annotation.DirtiesContext
@AutoConfigureMockMvc
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class HistoryCleanupTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired HistoryService history;
    @Autowired EngineHistoryRetention retention;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Value("${perfeval.engine-history.days}") int days;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void finishedInstancesLeaveTheEngineHistoryButNotTheRecord(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        // LegacyProcessVersionTest deploys process versions while the application runs; the retention
        // is applied to every version at start-up (ApplicationReadyEvent), as a restart would.
        retention.apply();
        TestOrg.World w = testOrg.create();
        Long done = testOrg.openForm(w, "历史清理-已公开").getId();
        Long running = testOrg.openForm(w, "历史清理-审核中").getId();
        for (Long id : List.of(done, running)) {
            approval.submit(w.staffA(), id, formMapper.findHeader(id).getVersion(), Fixtures.clean());
        }
        reviews.decide(w.reviewer1(), done, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", "成效明显"), "同意", null));
        reviews.decide(w.finance(), done, new ReviewInput(Decision.APPROVE, Map.of("规范财政资金管理", ""), "同意公开", null));
        assertThat(formMapper.findHeader(done).getStatus()).isEqualTo(FormStatus.PUBLISHED);

        String doneInstance = instanceOf(done);
        String runningInstance = instanceOf(running);
        int recordsBefore = count("SELECT COUNT(*) FROM workflow_record WHERE form_id IN (?, ?)", done, running);
        int opinionsBefore = count("SELECT COUNT(*) FROM review_opinion WHERE form_id = ?", done);
        int auditBefore = count("SELECT COUNT(*) FROM audit_log");
        int engineRowsBefore = engineHistoryRows(doneInstance);
        assertThat(engineRowsBefore).isPositive();

        // One day short of the time-to-live: nothing goes.
        cleanUpAt(Instant.now().plus(Duration.ofDays(days - 1)));
        assertThat(engineHistoryRows(doneInstance)).isEqualTo(engineRowsBefore);

        // Other tests' finished instances share the database: cleanup may take several batches.
        for (int run = 0; run < 50 && engineHistoryRows(doneInstance) > 0; run++) {
            cleanUpAt(Instant.now().plus(Duration.ofDays(days + 1)));
        }
        int engineRowsAfter = engineHistoryRows(doneInstance);
        assertThat(engineRowsAfter).isZero();
        assertThat(engineHistoryRows(runningInstance)).as("a running instance's history stays").isPositive();

        assertThat(count("SELECT COUNT(*) FROM workflow_record WHERE form_id IN (?, ?)", done, running)).isEqualTo(recordsBefore);
        assertThat(count("SELECT COUNT(*) FROM review_opinion WHERE form_id = ?", done)).isEqualTo(opinionsBefore);
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isGreaterThanOrEqualTo(auditBefore);
        assertThat(forms.history(w.staffA(), done)).extracting(r -> r.action())
                .containsExactly("OPEN", "SUBMIT", "SCORE", "APPROVE", "APPROVE", "PUBLISH");
        mvc.perform(get("/forms/" + done).with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("历史清理-已公开")));
        mvc.perform(get("/public/forms/" + done)).andExpect(status().isOk());
        mvc.perform(get("/forms/" + running).with(user(accounts.loadUserByUsername(w.reviewer1().username()))))
                .andExpect(status().isOk());
        // Each step left a structured log line when it committed.
        assertThat(output.getOut()).contains("step=SUBMIT form=" + done + " actor=" + w.staffA().username()
                + " stage=DRAFT").contains("step=PUBLISH form=" + done + " actor=system");
        System.out.printf("history cleanup after %d days: engine history of the finished instance %d -> %d rows;"
                + " workflow records %d, opinions %d kept; pages render%n", days, engineRowsBefore, engineRowsAfter,
                recordsBefore, opinionsBefore);
    }

    private void cleanUpAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        Job job = history.cleanUpHistoryAsync(true);
        for (int i = 0; i < 20 && job != null; i++) {
            management.executeJob(job.getId());
            job = management.createJobQuery().jobId(job.getId()).singleResult();
            if (job != null && (job.getDuedate() == null || job.getDuedate().after(ClockUtil.getCurrentTime()))) {
                break;
            }
        }
    }

    private String instanceOf(Long formId) {
        return jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, formId.toString());
    }

    private int engineHistoryRows(String instanceId) {
        return count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ = ?", instanceId)
                + count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ?", instanceId)
                + count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?", instanceId)
                + count("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?", instanceId);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
