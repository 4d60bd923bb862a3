package org.perfeval.formpage;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignService;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.excel.SheetImport;
import org.perfeval.exchange.excel.WorkbookCells;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whole-campaign import (administrator): a workbook holding many units' forms (one per sheet, or
 * several one below the other) fills many drafts at once. Each form found is matched to the
 * campaign's form of its unit (and, for project forms, its project) by name; the report says what
 * matched, and only the confirmation writes, form by form.
 */
@Controller
class CampaignImportController {
    static final String PENDING = "perfeval.campaignImport";

    private final CampaignService campaigns;
    private final EvaluationFormService forms;

    CampaignImportController(CampaignService campaigns, EvaluationFormService forms) {
        this.campaigns = campaigns;
        this.forms = forms;
    }

    /** One form found in the workbook and what became of it. */
    record Line(String where, String layout, String unit, String title, Long formId, String matchedTo, int version,
                String formJson, String problem) implements Serializable {
        boolean importable() {
            return formId != null && problem == null;
        }
    }

    record Pending(String token, Long campaignId, String fileName, ArrayList<Line> lines) implements Serializable {
    }

    @GetMapping("/admin/campaigns/{id}/import")
    String page(@PathVariable Long id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        return "admin/campaign-import";
    }

    @PostMapping("/admin/campaigns/{id}/import")
    String preview(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                   HttpSession session, HttpServletResponse response) throws IOException {
        Campaign campaign = campaigns.get(id);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择包含各单位评价表的 Excel 文件（.xlsx 或 .xls）");
        }
        session.removeAttribute(PENDING);
        SheetImport.Campaign read = SheetImport.recogniseAll(WorkbookCells.read(file.getBytes()));
        List<FormHeader> headers = campaigns.forms(id);
        ArrayList<Line> lines = new ArrayList<>();
        List<Long> taken = new ArrayList<>();
        for (SheetImport.Result r : read.forms()) {
            EvaluationForm f = r.form();
            String problem = r.valid() ? null : String.join("；", r.problems().stream().map(Problem::message).limit(5).toList());
            FormHeader match = f == null ? null : match(headers, f, campaign.formType());
            if (problem == null && match == null) {
                problem = "未找到对应的评价表：本任务中没有单位“" + f.getUnit() + "”" + (campaign.formType() == FormType.PROJECT
                        ? "的项目“" + f.getTitle() + "”" : "");
            }
            if (problem == null && taken.contains(match.getId())) {
                problem = "与前面的表对应同一张评价表，未导入";
            }
            if (problem == null && !match.getStatus().editable()) {
                problem = "评价表当前状态为「" + match.getStatus().label() + "」，不能导入";
            }
            if (match != null) {
                taken.add(match.getId());
            }
            lines.add(new Line(r.sheetName(), r.layoutName(), f == null ? null : f.getUnit(), f == null ? null : f.getTitle(),
                    match == null ? null : match.getId(), match == null ? null : match.getUnitName() + " · " + match.getTitle(),
                    match == null ? 0 : match.getVersion(), f == null || problem != null ? null : ExchangeJson.writeForm(f), problem));
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("lines", lines);
        model.addAttribute("unrecognised", read.unrecognisedSheets());
        if (lines.stream().anyMatch(Line::importable)) {
            Pending pending = new Pending(UUID.randomUUID().toString(), id, file.getOriginalFilename(), lines);
            session.setAttribute(PENDING, pending);
            model.addAttribute("token", pending.token());
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "admin/campaign-import";
    }

    @PostMapping("/admin/campaigns/{id}/import/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser admin, @PathVariable Long id,
                   @RequestParam(required = false) String token, HttpSession session, RedirectAttributes redirect) {
        campaigns.get(id);
        Pending pending = session.getAttribute(PENDING) instanceof Pending p ? p : null;
        if (pending == null || token == null || !pending.token().equals(token) || !pending.campaignId().equals(id)) {
            throw new InvalidInputException("token", "没有待确认的整体导入（预览已过期或已确认），请重新上传表格");
        }
        session.removeAttribute(PENDING);
        int imported = 0;
        List<String> failed = new ArrayList<>();
        for (Line line : pending.lines()) {
            if (!line.importable()) {
                continue;
            }
            try {
                // Each form on its own: one that changed since the preview does not hold up the others.
                forms.importDraftAsAdministrator(admin.actor(), line.formId(), line.version(),
                        ExchangeJson.readForm(line.formJson()), "Excel 整体导入（" + pending.fileName() + "）");
                imported++;
            } catch (ConflictException | InvalidInputException e) {
                failed.add(line.matchedTo() + "：" + e.getMessage());
            }
        }
        redirect.addFlashAttribute("notice", "整体导入：已导入 " + imported + " 张评价表"
                + (failed.isEmpty() ? "。" : "；未导入 " + failed.size() + " 张：" + String.join("；", failed)));
        return "redirect:/admin/campaigns/" + id;
    }

    /** The campaign's form of the unit named in the sheet (and of the project, for project forms); names compared without spaces. */
    private static FormHeader match(List<FormHeader> headers, EvaluationForm f, FormType type) {
        List<FormHeader> ofUnit = headers.stream().filter(h -> same(h.getUnitName(), f.getUnit())).toList();
        if (type == FormType.PROJECT || ofUnit.size() > 1) {
            return ofUnit.stream().filter(h -> same(h.getTitle(), f.getTitle())).findFirst().orElse(null);
        }
        return ofUnit.isEmpty() ? null : ofUnit.get(0);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && Objects.equals(a.replaceAll("[\\s\\u3000]+", ""), b.replaceAll("[\\s\\u3000]+", ""));
    }
}
