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
 * 系统故障: background jobs (the overdue and due-soon timers) that failed all their retries, for
 * administrators to see and retry once the cause is fixed.
 */
@Controller
class IncidentController {
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AuditLog audit;

    IncidentController(RuntimeService runtime, ManagementService management, AuditLog audit) {
        this.runtime = runtime;
        this.management = management;
        this.audit = audit;
    }

    record Row(String id, String formId, String activity, String message, java.util.Date at, String jobId) {
    }

    @GetMapping("/admin/incidents")
    String list(Model model) {
        List<Row> rows = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, 200).stream()
                .map(this::row).toList();
        model.addAttribute("incidents", rows);
        return "admin/incidents";
    }

    @PostMapping("/admin/incidents/{id}/retry")
    String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
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

    private Row row(Incident i) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(i.getProcessInstanceId()).singleResult();
        return new Row(i.getId(), instance == null ? "" : instance.getBusinessKey(), i.getActivityId(),
                i.getIncidentMessage(), i.getIncidentTimestamp(), i.getConfiguration());
    }
}
