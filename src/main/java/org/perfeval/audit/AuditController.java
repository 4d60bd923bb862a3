package org.perfeval.audit;

import org.perfeval.shared.Downloads;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditEntry;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志 for administrators: search and export. */
@Controller
class AuditController {
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String objectId, @RequestParam(required = false) String from,
                  Model model) {
        model.addAttribute("entries", audit.search(validAction(action), actor, objectId, since(from), 500));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("objectId", objectId);
        model.addAttribute("from", from);
        return "admin/audit";
    }

    @GetMapping("/admin/audit/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal(expression = "actor()") Actor user,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String objectId,
                                  @RequestParam(required = false) String from) {
        List<AuditEntry> entries = audit.search(validAction(action), actor, objectId, since(from), 5000);
        audit.event(user.id(), user.displayName(), user.unitName(), AuditAction.EXPORT, "audit", null,
                entries.size() + " 条");
        return Downloads.sheet("审计日志.xlsx", "审计日志",
                List.of("时间(UTC)", "操作人", "单位", "操作", "对象类型", "对象", "客户端地址", "说明"),
                entries.stream().map(e -> java.util.Arrays.asList(String.valueOf(e.at()), e.actorName(), e.unitName(),
                        e.actionLabel(), e.objectType(), e.objectId(), e.clientAddress(), e.detail())).toList());
    }

    private static String validAction(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action).name();
        } catch (IllegalArgumentException e) {
            throw new org.perfeval.shared.InvalidInputException("action", "操作类型无效：" + action);
        }
    }

    private static Instant since(String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(from.strip()).atStartOfDay(org.perfeval.shared.Dates.CHINA).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.perfeval.shared.InvalidInputException("from", "起始日期格式应为 2025-03-31，收到“" + from + "”");
        }
    }
}
