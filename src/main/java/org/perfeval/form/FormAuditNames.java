package org.perfeval.form;

import java.util.Collection;
import java.util.Map;

import org.perfeval.audit.AuditObjectNames;
import org.springframework.stereotype.Component;

/** The audit log names a form by its unit and title: 市医疗保障局《城乡居民医保宣传》. */
@Component
class FormAuditNames implements AuditObjectNames {
    private final FormMapper forms;

    FormAuditNames(FormMapper forms) {
        this.forms = forms;
    }

    @Override
    public String objectType() {
        return "form";
    }

    @Override
    public Map<String, String> names(Collection<String> ids) {
        return AuditObjectNames.byNumericId(ids, id -> {
            FormHeader header = forms.findHeader(id);
            return header == null ? null : (header.getUnitName() == null ? "" : header.getUnitName()) + "《" + header.getTitle() + "》";
        });
    }
}
