package org.perfeval.approval;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.organisation.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 系统故障: deadline alarms (逾期 and 即将到期, {@link Deadlines#sweep}) and background jobs (the timers of
 * instances started under process version 3 or earlier) that failed all their attempts, for
 * administrators to see and retry once the cause is fixed.
 */
@Controller
class IncidentController {
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AuditLog audit;
    private final Deadlines deadlines;

    IncidentController(RuntimeService runtime, ManagementService management, AuditLog audit, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.management = management;
        this.audit = audit;
    }

    record Row(String id, String formId, String formLabel, String activity, String message, java.util.Date at, String jobId) {
    }

    @GetMapping("/admin/incidents")
    String list(Model model) {
        List<Row> rows = new java.util.ArrayList<>();
        for (DeadlineAlarmMapper.Failed alarm : deadlines.failedAlarms()) {
            rows.add(new Row(ALARM + alarm.id(), String.valueOf(alarm.formId()),
                    alarm.title() == null ? String.valueOf(alarm.formId()) : alarm.title(), alarmLabel(alarm), alarm.lastError(),
                    alarm.failedAt() == null ? null : java.util.Date.from(alarm.failedAt()), null));
        }
        runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, 200).stream()
                .map(this::row).forEach(rows::add);
        model.addAttribute("incidents", rows);
        return "admin/incidents";
    }

    @PostMapping("/admin/incidents/{id}/retry")
    String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        if (id.startsWith(ALARM)) {
            Long alarmId = parseAlarmId(id.substring(ALARM.length()));
            if (alarmId == null || !deadlines.retryAlarm(alarmId)) {
                throw new org.perfeval.shared.NotFoundException("故障记录不存在或已处理");
            }
            audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.ADMIN_CHANGE, "incident", id,
                    "重试逾期标记或到期提醒");
            redirect.addFlashAttribute("notice", "已安排重试：下一次到期检查（约一分钟内）再办理。");
            return "redirect:/admin/incidents";
        }
        Incident incident = runtime.createIncidentQuery().incidentId(id).singleResult();
        if (incident == null || incident.getConfiguration() == null) {
            throw new org.perfeval.shared.NotFoundException("故障记录不存在或已处理");
        }
        management.setJobRetries(incident.getConfiguration(), 1);
        audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.ADMIN_CHANGE, "incident", id,
                "重试后台任务");
        redirect.addFlashAttribute("notice", "已安排重试。");
        return "redirect:/admin/incidents";
    }

    private static final String ALARM = "alarm-";

    private static Long parseAlarmId(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String alarmLabel(DeadlineAlarmMapper.Failed alarm) {
        String what = "OVERDUE".equals(alarm.kind()) ? "逾期标记" : "到期提醒";
        if (alarm.stage() == null) {
            return what;
        }
        try {
            return Stage.ofTaskKey(alarm.stage()).label() + " · " + what;
        } catch (IllegalArgumentException e) {
            return what;
        }
    }

    private Row row(Incident i) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(i.getProcessInstanceId()).singleResult();
        String formId = instance == null ? "" : instance.getBusinessKey();
        return new Row(i.getId(), formId, formId, i.getActivityId(),
                i.getIncidentMessage(), i.getIncidentTimestamp(), i.getConfiguration());
    }
}
