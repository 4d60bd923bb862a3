package org.perfeval.formpage;

import org.perfeval.shared.Downloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignService;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStore;
import org.perfeval.form.StoredForm;
import org.perfeval.exchange.excel.CampaignWorkbookWriter;
import org.perfeval.exchange.excel.SheetImport;
import org.perfeval.exchange.excel.FormWorkbookWriter;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Export and import of forms: the exchange JSON and the familiar Excel sheet; a whole campaign to one workbook. */
@Controller
class FormTransferController {
    static final MediaType XLSX = Downloads.XLSX;

    private final EvaluationFormService forms;
    private final FormStore store;
    private final CampaignService campaigns;
    private final AuditLog audit;

    FormTransferController(EvaluationFormService forms, FormStore store,
                           CampaignService campaigns, AuditLog audit) {
        this.forms = forms;
        this.store = store;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @GetMapping("/forms/{id}/export.json")
    ResponseEntity<byte[]> json(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        StoredForm form = forms.read(user.actor(), id);
        exported(user, id, "JSON");
        return file(ExchangeJson.writeForm(form.content()).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                form.header().getTitle() + ".json");
    }

    @GetMapping("/forms/{id}/export.xlsx")
    ResponseEntity<byte[]> excel(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        StoredForm form = forms.read(user.actor(), id);
        exported(user, id, "Excel");
        return file(new FormWorkbookWriter().write(form.content()), XLSX, form.header().getTitle() + ".xlsx");
    }

    /** Replaces the draft with an uploaded .json or .xlsx file; nothing is saved unless every field is valid. */
    @PostMapping("/forms/{id}/import")
    String importFile(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam int version,
                      @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        FormHeader header = forms.requireEditable(user.actor(), id);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要导入的文件（.xlsx 或 .json）");
        }
        byte[] bytes = file.getBytes();
        // The name says which reader judges the file; without a known extension, the content does
        // (Office files are zip or OLE2 containers).
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        boolean office = bytes.length >= 2 && ((bytes[0] == 'P' && bytes[1] == 'K') || ((bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF));
        boolean json = name.endsWith(".json") || (!name.endsWith(".xlsx") && !name.endsWith(".xls") && !office);
        EvaluationForm content = json ? ExchangeJson.readForm(bytes) : SheetImport.read(bytes);
        String wrongType = json ? null : SheetImportController.wrongType(content.getFormType(), null, header.getFormType());
        if (wrongType != null) {
            throw new InvalidInputException("file", wrongType);
        }
        forms.importDraft(user.actor(), id, version, content, json ? "JSON" : "Excel");
        redirect.addFlashAttribute("notice", "已导入“" + file.getOriginalFilename() + "”，请核对后提交。");
        return "redirect:/forms/" + id;
    }

    @GetMapping("/admin/campaigns/{id}/export.xlsx")
    ResponseEntity<byte[]> campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        Campaign campaign = campaigns.get(id);
        List<FormHeader> headers = campaigns.forms(id);
        List<CampaignWorkbookWriter.Entry> entries = headers.stream()
                .map(h -> new CampaignWorkbookWriter.Entry(store.content(h.getId()), h.getUnitName(), h.getStatus().label(),
                        h.getScoreTotal(), h.getScoreGrade())).toList();
        audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.EXPORT, "campaign", id,
                entries.size() + " 张评价表");
        return file(new CampaignWorkbookWriter().write(campaign.name(), entries), XLSX, campaign.name() + ".xlsx");
    }

    private void exported(CurrentUser user, Long formId, String format) {
        audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.EXPORT, "form", formId, format);
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return Downloads.attachment(bytes, type, name);
    }
}
