package org.perfeval.formpage;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.perfeval.organisation.UnitNames;
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
 * campaign's form of its unit — by the unit's code where the sheet prints one (单位编码), else by its
 * name — and, for project forms, of its project by name; the report says what matched and by which
 * rule, and only the confirmation writes, form by form.
 */
@Controller
class CampaignImportController {
    static final String PENDING = "perfeval.campaignImport";

    private final CampaignService campaigns;
    private final EvaluationFormService forms;
    private final UnitNames units;

    CampaignImportController(CampaignService campaigns, EvaluationFormService forms, UnitNames units) {
        this.campaigns = campaigns;
        this.forms = forms;
        this.units = units;
    }

    /** One form found in the workbook and what became of it. */
    record Line(String where, String layout, String unit, String title, Long formId, String matchedTo, String rule, int version,
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
        Map<Long, String> codes = units.codes(headers.stream().map(FormHeader::getUnitId).distinct().toList());
        ArrayList<Line> lines = new ArrayList<>();
        List<Long> taken = new ArrayList<>();
        for (SheetImport.Result r : read.forms()) {
            EvaluationForm f = r.form();
            String problem = r.valid() ? null : String.join("；", r.problems().stream().map(Problem::message).limit(5).toList());
            if (problem == null && f.getFormType() != null && f.getFormType() != campaign.formType()) {
                problem = "这张表是" + f.getFormType().label() + "，本任务是" + campaign.formType().label() + "，未导入";
            }
            Match found = f == null || problem != null ? null : match(headers, codes, f, r.unitCode(), campaign.formType());
            FormHeader match = found == null ? null : found.header();
            if (problem == null && match == null) {
                problem = "未找到对应的评价表：本任务中没有" + (blank(r.unitCode()) ? "" : "单位编码“" + r.unitCode().strip() + "”或")
                        + "单位“" + f.getUnit() + "”" + (campaign.formType() == FormType.PROJECT ? "的项目“" + f.getTitle() + "”" : "");
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
            String unit = f == null ? null : blank(r.unitCode()) ? f.getUnit() : f.getUnit() + "（" + r.unitCode().strip() + "）";
            lines.add(new Line(r.sheetName(), r.layoutName(), unit, f == null ? null : f.getTitle(),
                    match == null ? null : match.getId(), match == null ? null : match.getUnitName() + " · " + match.getTitle(),
                    found == null ? null : found.rule(), match == null ? 0 : match.getVersion(),
                    f == null || problem != null ? null : ExchangeJson.writeForm(f), problem));
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("lines", lines);
        model.addAttribute("unrecognised", read.unrecognisedSheets());
        model.addAttribute("otherYears", read.forms().stream().map(SheetImport.Result::form).filter(Objects::nonNull)
                .map(EvaluationForm::getYear).filter(Objects::nonNull).distinct().sorted()
                .map(year -> SheetImportController.otherYear(year, campaign.fiscalYear())).filter(Objects::nonNull).toList());
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

    /** A form matched, and the rule that matched its unit (“单位编码” or “单位名称”). */
    record Match(FormHeader header, String rule) {
    }

    /**
     * The campaign's form of the sheet's unit (and of the project, for project forms; titles by name).
     * The unit is found by its code when the sheet prints one that a unit of the campaign has — the
     * code wins over a differing name — else by its name; names and codes compared without spaces.
     */
    static Match match(List<FormHeader> headers, Map<Long, String> codes, EvaluationForm f, String code, FormType type) {
        List<FormHeader> byCode = blank(code) ? List.of()
                : headers.stream().filter(h -> same(codes.get(h.getUnitId()), code)).toList();
        String rule = byCode.isEmpty() ? "单位名称" : "单位编码";
        List<FormHeader> ofUnit = byCode.isEmpty() ? headers.stream().filter(h -> same(h.getUnitName(), f.getUnit())).toList()
                : byCode;
        FormHeader header;
        if (type == FormType.PROJECT || ofUnit.size() > 1) {
            header = ofUnit.stream().filter(h -> same(h.getTitle(), f.getTitle())).findFirst().orElse(null);
        } else {
            header = ofUnit.isEmpty() ? null : ofUnit.get(0);
        }
        return header == null ? null : new Match(header, !blank(code) && byCode.isEmpty() ? rule + "（编码“" + code.strip()
                + "”不在本任务中）" : rule);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && Objects.equals(a.replaceAll("[\\s\\u3000]+", ""), b.replaceAll("[\\s\\u3000]+", ""));
    }
}
