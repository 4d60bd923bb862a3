package org.perfeval.review;

import org.perfeval.approval.TaskControl;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.organisation.ReviewerDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pickers' search as the reviewer types (static/js/picker.js): whom to copy (kind=copy), whom to
 * ask (kind=expert) or which unit to copy (kind=unit), at most 20 answers with name, login name (or
 * unit code) and unit name. The form page lists nobody; without script the typed names are posted.
 */
@RestController
class PeoplePickerController {
    private final TaskControl control;

    PeoplePickerController(TaskControl control) {
        this.control = control;
    }

    @GetMapping("/forms/{id}/people")
    ReviewerDirectory.Found people(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                   @RequestParam(required = false) String kind,
                                   @RequestParam(required = false) String q) {
        return control.people(user.actor(), id, kind, q);
    }
}
