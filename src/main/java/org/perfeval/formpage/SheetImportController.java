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

    /** What the confirmation will import: the form as exchange JSON and what the preview showed. */
    record Pending(String token, Long formId, int version, String fileName, String layoutName, String sheetName,
                   String formJson, ArrayList<SheetImport.Placement> placements, ArrayList<String> unknownColumns)
            implements Serializable {
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
        model.addAttribute("header", header);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("result", result);
        model.addAttribute("cells", listed(result.placements()));
        model.addAttribute("form", result.form());
        model.addAttribute("version", version);
        String wrongType = wrongType(result, header.getFormType());
        model.addAttribute("refusal", wrongType);
        if (result.valid() && wrongType == null) {
            Pending pending = new Pending(UUID.randomUUID().toString(), id, version, file.getOriginalFilename(),
                    result.layoutName(), result.sheetName(), ExchangeJson.writeForm(result.form()),
                    listed(result.placements()), new ArrayList<>(result.unknownColumns()));
            session.setAttribute(PENDING, pending);
            model.addAttribute("token", pending.token());
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "form-import-preview";
    }

    @PostMapping("/forms/{id}/import/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                   @RequestParam(required = false) String token, HttpSession session, RedirectAttributes redirect) {
        forms.requireEditable(user.actor(), id);
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
        forms.importDraft(user.actor(), id, pending.version(), content, "Excel（" + pending.layoutName() + "）");
        session.removeAttribute(PENDING);
        redirect.addFlashAttribute("notice", "已按“" + pending.layoutName() + "”导入“" + pending.fileName() + "”，请核对后提交。"
                + (pending.unknownColumns().isEmpty() ? "" : "未导入：" + String.join("、", pending.unknownColumns())));
        return "redirect:/forms/" + id;
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

    private static ArrayList<SheetImport.Placement> listed(List<SheetImport.Placement> all) {
        return new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_LISTED_CELLS)));
    }
}
