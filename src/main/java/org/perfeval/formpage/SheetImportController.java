package org.perfeval.formpage;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.excel.SheetImport;
import org.perfeval.exchange.excel.WorkbookCells;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.InvalidFormException;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.CurrentUser;
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
 * "Import the sheet you already have", in two steps: the uploaded sheet (the product's export or a
 * province's layout) is recognised and shown beside its cells — what went where, what was ignored,
 * what could not be read, by address — and only the confirmation writes the draft. Between the two
 * the recognised form waits in the HTTP session (kept in the database with Spring Session, hence
 * plain serialisable values), under a token the confirmation must name.
 */
@Controller
class SheetImportController {
    static final String PENDING = "perfeval.sheetImport";
    /** Cells listed on the preview at most (a form has a few hundred). */
    static final int MAX_LISTED_CELLS = 3_000;

    private final EvaluationFormService forms;

    SheetImportController(EvaluationFormService forms) {
        this.forms = forms;
    }

    /**
     * What the confirmation will import: the form as exchange JSON and what the preview showed; the
     * columns and cells not read are shown again on the filled form, where the clerk checks it.
     */
    record Pending(String token, Long formId, int version, String fileName, String layoutName, String sheetName,
                   String formJson, ArrayList<SheetImport.Placement> placements, ArrayList<String> unknownColumns,
                   ArrayList<String> notRead)
            implements Serializable {
    }

    /** The preview's tally beside the confirmation button. */
    record Counts(long placed, long ignored, int notRead) {
        static Counts of(SheetImport.Result result) {
            return new Counts(result.placements().stream().filter(p -> p.status() == SheetImport.Status.PLACED).count(),
                    result.placements().stream().filter(p -> p.status() == SheetImport.Status.IGNORED).count(),
                    result.notRead().size());
        }
    }

    @PostMapping("/forms/{id}/import/preview")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(required = false) Integer version,
                   @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpSession session,
                   HttpServletResponse response) throws IOException {
        // Who may import is settled before anything of the request is read.
        FormHeader header = forms.requireEditable(user.actor(), id);
        if (version == null) {
            throw new InvalidInputException("version", "缺少版本号，请从评价表页面重新上传");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要导入的 Excel 文件（.xlsx 或 .xls）");
        }
        session.removeAttribute(PENDING);
        SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(file.getBytes()));
        String wrongType = wrongType(result, header.getFormType());
        if (result.valid() && wrongType == null) {
            Pending pending = new Pending(UUID.randomUUID().toString(), id, version, file.getOriginalFilename(),
                    result.layoutName(), result.sheetName(), ExchangeJson.writeForm(result.form()),
                    listed(result.placements()), new ArrayList<>(result.unknownColumns()), new ArrayList<>(result.notRead()));
            session.setAttribute(PENDING, pending);
            // Shown by a GET, so the browser's back button after the confirmation reloads a page
            // instead of asking to send the upload again.
            return "redirect:/forms/" + id + "/import/preview";
        }
        model.addAttribute("header", header);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("result", result);
        model.addAttribute("cells", listed(result.placements()));
        model.addAttribute("counts", Counts.of(result));
        model.addAttribute("form", result.form());
        model.addAttribute("version", version);
        model.addAttribute("refusal", wrongType);
        model.addAttribute("otherYear", result.form() == null ? null : otherYear(result.form().getYear(), header.getFiscalYear()));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "form-import-preview";
    }

    /** The pending import's preview; once confirmed or replaced, back to the form with a word why. */
    @GetMapping("/forms/{id}/import/preview")
    String pending(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model, HttpSession session,
                   RedirectAttributes redirect) {
        FormHeader header = forms.requireEditable(user.actor(), id);
        Pending pending = session.getAttribute(PENDING) instanceof Pending p && p.formId().equals(id) ? p : null;
        if (pending == null) {
            redirect.addFlashAttribute("notice", "没有待确认的导入（已确认导入或已取消）。如需再次导入，请重新上传表格。");
            return "redirect:/forms/" + id;
        }
        EvaluationForm form;
        try {
            form = ExchangeJson.readForm(pending.formJson());
        } catch (InvalidFormException e) {
            throw new InvalidInputException("token", "待确认的导入已无法读取，请重新上传表格");
        }
        SheetImport.Result result = new SheetImport.Result(null, pending.layoutName(), pending.sheetName(), form,
                pending.placements(), pending.unknownColumns(), pending.notRead(), null, List.of());
        model.addAttribute("header", header);
        model.addAttribute("fileName", pending.fileName());
        model.addAttribute("result", result);
        model.addAttribute("cells", pending.placements());
        model.addAttribute("counts", Counts.of(result));
        model.addAttribute("form", form);
        model.addAttribute("version", pending.version());
        model.addAttribute("refusal", null);
        model.addAttribute("otherYear", otherYear(form.getYear(), header.getFiscalYear()));
        model.addAttribute("token", pending.token());
        return "form-import-preview";
    }

    @PostMapping("/forms/{id}/import/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(required = false) String token, HttpSession session, RedirectAttributes redirect) {
        FormHeader header = forms.requireEditable(user.actor(), id);
        Pending pending = session.getAttribute(PENDING) instanceof Pending p ? p : null;
        if (pending == null || token == null || !pending.token().equals(token) || !pending.formId().equals(id)) {
            throw new InvalidInputException("token", "没有待确认的导入（预览已过期或已在别处确认），请重新上传表格");
        }
        EvaluationForm content;
        try {
            content = ExchangeJson.readForm(pending.formJson());
        } catch (InvalidFormException e) {
            throw new InvalidInputException("token", "待确认的导入已无法读取，请重新上传表格");
        }
        // Read before the import replaces the sheet's year with the campaign's.
        String otherYear = otherYear(content.getYear(), header.getFiscalYear());
        forms.importDraft(user.actor(), id, pending.version(), content, "Excel（" + pending.layoutName() + "）");
        session.removeAttribute(PENDING);
        redirect.addFlashAttribute("notice", "已按“" + pending.layoutName() + "”导入“" + pending.fileName() + "”，请核对后提交。"
                + (otherYear == null ? "" : otherYear)
                + (pending.notRead().isEmpty() && pending.unknownColumns().isEmpty() ? "" : "表格中有内容未读取，见下方清单。"));
        if (!pending.notRead().isEmpty() || !pending.unknownColumns().isEmpty()) {
            redirect.addFlashAttribute("importNotRead", new ImportNotRead(pending.fileName(), pending.unknownColumns(), pending.notRead()));
        }
        return "redirect:/forms/" + id;
    }

    /** Shown once on the filled form after the confirmation: what of the sheet did not come across. */
    record ImportNotRead(String fileName, List<String> unknownColumns, List<String> notRead) implements Serializable {
    }

    /**
     * A sheet of the other form type (a 部门整体 sheet dropped onto a 项目支出 form) would be re-typed
     * by the import and lose half its rows: refused, naming both; null when the types agree.
     */
    static String wrongType(SheetImport.Result result, FormType formType) {
        return wrongType(result.form() == null ? null : result.form().getFormType(), result.layoutName(), formType);
    }

    static String wrongType(FormType sheetType, String layoutName, FormType formType) {
        if (sheetType == null || formType == null || sheetType == formType) {
            return null;
        }
        return "这张表" + (layoutName == null ? "" : "按“" + layoutName + "”识别，") + "是" + sheetType.label() + "，而本评价表是"
                + formType.label() + "，不能导入。请上传" + formType.label() + "格式的表格。";
    }

    /**
     * Last year's sheet is a fair start for this year's form (the same indicators and targets), so it
     * is imported, not refused; but its 实际完成值 and 执行数 are last year's, which a clerk in a hurry
     * would submit as this year's. Null when the years agree or the sheet names none.
     */
    static String otherYear(Integer sheetYear, Integer formYear) {
        if (sheetYear == null || formYear == null || sheetYear.equals(formYear)) {
            return null;
        }
        return "这张表是" + sheetYear + "年度的，本评价表是" + formYear + "年度：导入后年度仍为" + formYear
                + "年度，表中的全年执行数、实际完成值和得分是" + sheetYear + "年度的，请逐项改为" + formYear + "年度的数据后再提交。";
    }

    private static ArrayList<SheetImport.Placement> listed(List<SheetImport.Placement> all) {
        return new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_LISTED_CELLS)));
    }
}
