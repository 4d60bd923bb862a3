package org.perfeval.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfeval.PerfevalApplication;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.shared.Role;
import org.perfeval.organisation.UnitKind;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application instances on one MariaDB database sweep deadlines together (every second here): 200 forms
 * whose deadline has passed get exactly 200 overdue marks and one overdue notification per form and
 * recipient, however the two nodes share the deadline sweep. Runs in .ci/run (MariaDB); skipped on H2.
 */
@Tag("db")
class TwoNodeOverdueTest {
    static final int FORMS = 200;

    @Test
    void twoNodesMarkEachOverdueFormOnce() throws Exception {
        Assumptions.assumeTrue(TestProfiles.onMariaDb(),
                "the two-node test needs the shared MariaDB: run with -Dperfeval.db=mariadb (.ci/run does)");
        long started = System.nanoTime();
        try (ConfigurableApplicationContext a = node("node-a"); ConfigurableApplicationContext b = node("node-b")) {
            OrgAdminService org = a.getBean(OrgAdminService.class);
            String s = Long.toString(System.nanoTime(), 36);
            OrgUnit finance = org.createUnit("tn-cz-" + s, "双节点财政局", UnitKind.FINANCE, null);
            OrgUnit dept = org.createUnit("tn-d-" + s, "双节点主管部门", UnitKind.SUPERVISING, null);
            OrgUnit unit = org.createUnit("tn-u-" + s, "双节点单位", UnitKind.UNIT, dept);
            Actor admin = org.actorOf(org.createUser("tn-admin-" + s, "双节点管理员", finance, Role.ADMIN, TestOrg.PASSWORD));
            Actor staff = org.actorOf(org.createUser("tn-staff-" + s, "双节点填报", unit, Role.UNIT_STAFF, TestOrg.PASSWORD));

            NewCampaign c = TestOrg.projectCampaign("双节点逾期 " + s);
            c.fillDue = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            CampaignService campaigns = a.getBean(CampaignService.class);
            Long id = campaigns.create(admin, c).id();
            // Half the forms opened through each node, so that both executors are woken by new jobs.
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                List<FormAssignment> assignments = new ArrayList<>();
                for (int i = node == a ? 0 : FORMS / 2; i < (node == a ? FORMS / 2 : FORMS); i++) {
                    assignments.add(new FormAssignment(unit.id(), "双节点项目" + i));
                }
                node.getBean(CampaignService.class).open(admin, id, assignments);
            }

            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            String marks = "SELECT COUNT(*) FROM overdue_mark m JOIN evaluation_form f ON f.id = m.form_id WHERE f.campaign_id = ?";
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (jdbc.queryForObject(marks, Integer.class, id) < FORMS && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            // Let both executors go on a little longer: a duplicate would show up now.
            Thread.sleep(3000);
            int markCount = jdbc.queryForObject(marks, Integer.class, id);
            String notifications = "SELECT COUNT(*) FROM notification n JOIN evaluation_form f ON f.id = n.form_id"
                    + " WHERE f.campaign_id = ? AND n.kind = 'OVERDUE' AND n.recipient_id = ?";
            int toAdmin = jdbc.queryForObject(notifications, Integer.class, id, admin.id());
            int toStaff = jdbc.queryForObject(notifications, Integer.class, id, staff.id());
            int distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT n.dedup_key) FROM notification n JOIN evaluation_form f"
                    + " ON f.id = n.form_id WHERE f.campaign_id = ? AND n.kind = 'OVERDUE'", Integer.class, id);
            int all = jdbc.queryForObject("SELECT COUNT(*) FROM notification n JOIN evaluation_form f"
                    + " ON f.id = n.form_id WHERE f.campaign_id = ? AND n.kind = 'OVERDUE'", Integer.class, id);
            // Which node raised how many: each node's own count of the alarms it raised.
            List<String> alarmsByNode = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                alarmsByNode.add(node.getEnvironment().getProperty("camunda.bpm.process-engine-name") + " " + (long)
                        node.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                                .counter("perfeval.deadline.alarms", "kind", "overdue").count());
            }
            System.out.printf("two nodes: %d forms, %d overdue marks, %d notifications to the unit, %d to the admin,"
                            + " %d duplicates, %.1f s, overdue alarms raised per node %s%n", FORMS, markCount, toStaff, toAdmin,
                    all - distinct, (System.nanoTime() - started) / 1e9, alarmsByNode);
            assertThat(markCount).isEqualTo(FORMS);
            assertThat(toStaff).isEqualTo(FORMS);
            assertThat(toAdmin).isEqualTo(FORMS);
            assertThat(all).isEqualTo(distinct);
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(PerfevalApplication.class)
                .profiles("test", "mariadb")
                // Arguments, not default properties: they must win over application.properties.
                .run("--server.port=0", "--camunda.bpm.job-execution.enabled=true", "--perfeval.deadlines.sweep-interval=PT1S",
                        "--camunda.bpm.process-engine-name=" + name,
                        "--camunda.bpm.generic-properties.properties.hostname=" + name, "--spring.jmx.enabled=false",
                        "--camunda.bpm.metrics.enabled=true", "--camunda.bpm.metrics.db-reporter-activate=true",
                        "--logging.level.root=WARN");
    }
}
