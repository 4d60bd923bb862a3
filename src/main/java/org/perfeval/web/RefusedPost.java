package org.perfeval.web;

import java.io.Serializable;
import java.util.List;

/**
 * A refused form post carried back to the page it came from (flash attribute "refused"): the
 * address it was posted to, so the page's script can put the typed values back into that form,
 * and the problems with the field names they belong beside. Serializable: flash attributes live
 * in the (JDBC) session between the redirect and the next page.
 */
public record RefusedPost(String action, String message, List<Problem> problems) implements Serializable {

    /**
     * The messages about these fields, for a page that shows them beside the field itself (so they
     * are there without script too); null when there are none.
     */
    public String about(String... fields) {
        List<String> said = problems.stream().filter(p -> List.of(fields).contains(p.field())).map(Problem::shown).toList();
        return said.isEmpty() ? null : String.join("；", said);
    }
    public record Problem(String field, String label, String message) implements Serializable {
        /** The message, led by the field's label when it does not name it already. */
        public String shown() {
            return label == null || label.isEmpty() || message.contains(label)
                    || message.contains(label.replaceAll("^「(.*)」$", "$1")) ? message : label + "：" + message;
        }
    }
}
