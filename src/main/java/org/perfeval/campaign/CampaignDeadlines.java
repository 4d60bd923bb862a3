package org.perfeval.campaign;

import java.time.Instant;

import org.perfeval.form.FormMapper;
import org.perfeval.form.FormRoute;
import org.perfeval.form.Stage;
import org.springframework.stereotype.Component;

/** The due date of a form's task at a stage, from its campaign. */
@Component
public class CampaignDeadlines {
    private final FormMapper forms;

    public CampaignDeadlines(FormMapper forms) {
        this.forms = forms;
    }

    public Instant dueFor(Long formId, Stage stage) {
        FormRoute route = forms.findRoute(formId);
        return route == null ? null : route.dueAt(stage);
    }
}
