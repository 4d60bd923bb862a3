package org.perfeval.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.notification.Notification;
import org.perfeval.notification.NotificationKind;
import org.perfeval.notification.NotificationService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadlines drive the sweep's alarms; overdue is marked and notified once; reminders are rate-limited and recorded. */
@PerfevalTest
class OverdueTest {
    @Autowired TestOrg testOrg;
    @Autowired CampaignService campaigns;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired OverdueService overdue;
    @Autowired OverdueMapper overdueMapper;
    @Autowired ReminderService reminders;
    @Autowired NotificationService notifications;
    @Autowired org.perfeval.approval.Deadlines deadlines;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.TaskService taskService;

    @Test
    void theSweepMarksOverdueOnceAndNotifiesTheGroupAndAdminsOnce() {
        TestOrg.World w = testOrg.create();
        FormHeader form = open(w, Instant.now().minus(1, ChronoUnit.DAYS), "逾期项目");
        // Process version 4 has no timers: the task carries its due date and the sweep does the rest.
        assertThat(management.createJobQuery().processInstanceId(form.getProcessInstanceId()).count()).isZero();

        assertThat(deadlines.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(overdueMapper.marksOf(form.getId())).isEqualTo(1);
        // A second sweep, or a second node: nothing more.
        deadlines.sweep();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline_alarm WHERE form_id = ? AND raised_at IS NOT NULL",
                Integer.class, form.getId())).isEqualTo(1);
        org.perfeval.inbox.InboxTask open = inboxMapper.findByForm(form.getId());
        assertThat(overdue.markOverdue(new org.perfeval.approval.ApprovalEvents.TaskOverdue(form.getId(), open.taskId(),
                org.perfeval.approval.Stage.FILL, open.candidateGroup(), open.dueAt()))).isFalse();
        assertThat(overdueMapper.marksOf(form.getId())).isEqualTo(1);

        assertThat(kinds(w.staffA())).containsOnlyOnce(NotificationKind.OVERDUE);
        // Administrators are told of every overdue form (the sweep also raised other tests' forms).
        assertThat(notifications.list(w.admin())).filteredOn(n -> form.getId().equals(n.formId()))
                .extracting(Notification::kind).containsExactly(NotificationKind.OVERDUE);
        assertThat(kinds(w.staffB())).doesNotContain(NotificationKind.OVERDUE);
        // Past its deadline the task gets no 即将到期 as well.
        assertThat(kinds(w.staffA())).doesNotContain(NotificationKind.DUE_SOON);
        assertThat(overdue.report(w.admin(), form.getCampaignId())).extracting(OverdueRow::formId)
                .containsExactly(form.getId());
        assertThat(overdue.report(w.reviewer2(), form.getCampaignId())).isEmpty();
        assertThatThrownBy(() -> overdue.report(w.staffA(), null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void dueSoonIsRaisedBeforeTheDeadlineAndOverdueAfterIt() {
        TestOrg.World w = testOrg.create();
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        FormHeader form = open(w, due, "即将到期项目");
        FormHeader later = open(w, Instant.now().plus(5, ChronoUnit.DAYS), "未到提醒期项目");

        deadlines.sweep();
        deadlines.sweep();
        assertThat(kinds(w.staffA())).containsOnlyOnce(NotificationKind.DUE_SOON);
        assertThat(notifications.list(w.staffA())).filteredOn(n -> n.kind() == NotificationKind.DUE_SOON)
                .extracting(Notification::formId).containsExactly(form.getId());
        assertThat(overdueMapper.marksOf(form.getId())).isZero();
        // The task is still waiting: the alarm did not interrupt it.
        assertThat(inboxMapper.findByForm(form.getId()).stage()).isEqualTo("Task_FillDraft");

        // Three days on, the first is overdue and the second due soon.
        deadlines.sweep(Instant.now().plus(3, ChronoUnit.DAYS));
        assertThat(overdueMapper.marksOf(form.getId())).isEqualTo(1);
        assertThat(overdueMapper.marksOf(later.getId())).isZero();
        assertThat(notifications.list(w.staffA())).filteredOn(n -> n.kind() == NotificationKind.DUE_SOON)
                .extracting(Notification::formId).containsExactlyInAnyOrder(form.getId(), later.getId());
    }

    @Test
    void changingADeadlineMovesTheTaskTheProjectionAndTheAlarms() {
        TestOrg.World w = testOrg.create();
        FormHeader form = open(w, Instant.now().plus(2, ChronoUnit.DAYS), "改期项目");
        deadlines.sweep();
        assertThat(kinds(w.staffA())).containsOnlyOnce(NotificationKind.DUE_SOON);
        Instant later = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Campaign campaign = campaigns.get(form.getCampaignId());

        int moved = campaigns.changeDeadlines(w.admin(), campaign.id(), later, campaign.supervisorDue(), campaign.financeDue());

        assertThat(moved).isEqualTo(1);
        assertThat(inboxMapper.findByForm(form.getId()).dueAt()).isEqualTo(later);
        assertThat(engineTaskDue(form)).isEqualTo(later);
        deadlines.sweep();
        assertThat(kinds(w.staffA())).containsOnlyOnce(NotificationKind.DUE_SOON);

        // Moved into the past, the new due date gets its own alarm: overdue now.
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        campaigns.changeDeadlines(w.admin(), campaign.id(), past, campaign.supervisorDue(), campaign.financeDue());
        deadlines.sweep();
        assertThat(overdueMapper.marksOf(form.getId())).isEqualTo(1);
        assertThatThrownBy(() -> campaigns.changeDeadlines(w.staffA(), campaign.id(), later, null, null))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void remindersAreLimitedToOnePerDayAndRecorded() {
        TestOrg.World w = testOrg.create();
        FormHeader form = open(w, Instant.now().minus(2, ChronoUnit.DAYS), "催办项目");
        FormHeader other = open(w, Instant.now().minus(2, ChronoUnit.DAYS), "未催办项目");
        Instant before = Instant.now();
        reminders.remind(w.reviewer1(), form.getId());
        // The page disables 催办 until a day after this one and says when.
        java.util.Map<Long, Instant> next = reminders.nextReminderPossible(java.util.List.of(form.getId(), other.getId()));
        assertThat(next).containsOnlyKeys(form.getId());
        assertThat(next.get(form.getId())).isBetween(before.plus(1, ChronoUnit.DAYS).minusSeconds(5),
                Instant.now().plus(1, ChronoUnit.DAYS).plusSeconds(5));
        assertThatThrownBy(() -> reminders.remind(w.admin(), form.getId()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("催办过");
        assertThatThrownBy(() -> reminders.remind(w.staffA(), form.getId())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reminders.remind(w.reviewer2(), form.getId()))
                .isInstanceOf(org.perfeval.shared.NotFoundException.class);
        assertThat(overdueMapper.reminders(form.getId())).isEqualTo(1);
        assertThat(kinds(w.staffA())).containsOnlyOnce(NotificationKind.REMINDED);
        assertThat(forms.history(w.admin(), form.getId())).extracting(r -> r.action()).contains("REMIND");
    }

    @Test
    void aClosedCampaignAcceptsNoSubmission() {
        TestOrg.World w = testOrg.create();
        FormHeader form = open(w, Instant.now().plus(5, ChronoUnit.DAYS), "结束项目");
        campaigns.close(w.admin(), form.getCampaignId());
        assertThatThrownBy(() -> approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(),
                Fixtures.clean())).isInstanceOf(ConflictException.class).hasMessageContaining("已结束");
    }

    @Test
    void openingTheSameCampaignTwiceAtOnceStartsEachFormOnce() throws Exception {
        TestOrg.World w = testOrg.create();
        NewCampaign c = TestOrg.projectCampaign("并发下发");
        Long id = campaigns.create(w.admin(), c).id();
        List<FormAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            assignments.add(new FormAssignment(i % 2 == 0 ? w.unitA().id() : w.unitB().id(), "并发项目" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            results.add(pool.submit(() -> {
                start.await();
                return campaigns.open(w.admin(), id, assignments);
            }));
        }
        start.countDown();
        int started = 0;
        for (Future<Integer> f : results) {
            started += f.get();
        }
        pool.shutdown();
        assertThat(started).isEqualTo(10);
        List<FormHeader> opened = formMapper.findByCampaign(id);
        assertThat(opened).hasSize(10);
        for (FormHeader f : opened) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(f.getId())).count())
                    .isEqualTo(1);
        }
    }

    private FormHeader open(TestOrg.World w, Instant fillDue, String title) {
        NewCampaign c = TestOrg.projectCampaign("逾期测试 " + title);
        c.fillDue = fillDue.truncatedTo(ChronoUnit.SECONDS);
        c.supervisorDue = fillDue.plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        c.financeDue = fillDue.plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Long id = campaigns.create(w.admin(), c).id();
        campaigns.open(w.admin(), id, List.of(new FormAssignment(w.unitA().id(), title)));
        return formMapper.findByCampaign(id).get(0);
    }

    private Instant engineTaskDue(FormHeader form) {
        return taskService.createTaskQuery().processInstanceId(form.getProcessInstanceId()).singleResult().getDueDate()
                .toInstant();
    }

    private List<NotificationKind> kinds(Actor actor) {
        return notifications.list(actor).stream().map(Notification::kind).toList();
    }
}
