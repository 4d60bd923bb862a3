package org.perfeval.audit;

import org.perfeval.shared.Downloads;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final List<AuditObjectNames> names;

    AuditController(AuditLog audit, List<AuditObjectNames> names) {
        this.audit = audit;
        this.names = names;
    }

    /** "市医疗保障局《…》" for each entry whose object a module can name; else the type and id as stored. */
    private Map<Long, String> objectNames(List<AuditEntry> entries) {
        Map<Long, String> shown = new java.util.HashMap<>();
        for (AuditObjectNames n : names) {
            List<AuditEntry> ofType = entries.stream().filter(e -> n.objectType().equals(e.objectType())
                    && e.objectId() != null).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            Map<String, String> known = n.names(ofType.stream().map(AuditEntry::objectId).collect(
                    java.util.stream.Collectors.toSet()));
            ofType.forEach(e -> {
                if (known.containsKey(e.objectId())) {
                    shown.put(e.id(), known.get(e.objectId()));
                }
            });
        }
        for (AuditEntry e : entries) {
            shown.putIfAbsent(e.id(), (typeLabel(e.objectType()) + " " + (e.objectId() == null ? "" : e.objectId())).strip());
        }
        return shown;
    }

    private static String typeLabel(String objectType) {
        return objectType == null ? "" : switch (objectType) {
            case "form" -> "评价表";
            case "user" -> "用户";
            case "campaign" -> "评价任务";
            case "unit" -> "单位";
            case "evidence" -> "佐证材料";
            case "request" -> "请求";
            case "audit" -> "审计日志";
            default -> objectType;
        };
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String objectId, @RequestParam(required = false) String from,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        if (page < 1 || page > 100_000) {
            throw new org.perfeval.shared.InvalidInputException("page", "页码应为 1 到 100000 之间的整数");
        }
        // One more than a page: whether there is a next page, without counting the whole log.
        List<AuditEntry> found = audit.search(validAction(action), actor, objectId, since(from), PAGE_SIZE + 1,
                (page - 1) * PAGE_SIZE);
        List<AuditEntry> entries = found.subList(0, Math.min(PAGE_SIZE, found.size()));
        model.addAttribute("entries", entries);
        model.addAttribute("objectNames", objectNames(entries));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
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
        Map<Long, String> shown = objectNames(entries);
        // The same (Beijing) time as the page shows.
        return Downloads.sheet("审计日志.xlsx", "审计日志",
                List.of("时间（北京时间）", "操作人", "单位", "操作", "对象", "对象类型", "对象编号", "客户端地址", "说明"),
                entries.stream().map(e -> java.util.Arrays.asList(org.perfeval.shared.Dates.dateTime(e.at()),
                        e.actorName(), e.unitName(), e.actionLabel(), shown.get(e.id()), e.objectType(), e.objectId(),
                        e.clientAddress(), e.detail())).toList());
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
