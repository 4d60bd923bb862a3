package org.perfeval.organisation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.perfeval.shared.InvalidInputException;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The two steps of an Excel import page (users, units): a preview of the checked rows, kept in the
 * session only when every row is right, then the confirmation that imports what was previewed.
 * Problems go to the page (400), never to an error page.
 */
final class ImportPreview {

    private ImportPreview() {
    }

    static <R> void preview(Supplier<List<R>> checkedRows, Predicate<R> ok, String sessionKey, Model model,
                            HttpSession session, HttpServletResponse response) {
        try {
            List<R> rows = checkedRows.get();
            model.addAttribute("rows", rows);
            boolean importable = !rows.isEmpty() && rows.stream().allMatch(ok);
            model.addAttribute("importable", importable);
            if (importable) {
                session.setAttribute(sessionKey, rows);
            } else {
                session.removeAttribute(sessionKey);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    @SuppressWarnings("unchecked")
    static <R> void confirm(String sessionKey, Function<List<R>, Object> importer, String resultName, Model model,
                            HttpSession session, HttpServletResponse response) {
        List<R> rows = (List<R>) session.getAttribute(sessionKey);
        try {
            if (rows == null) {
                throw new InvalidInputException("file", "没有待导入的预览，请重新上传表格");
            }
            model.addAttribute(resultName, importer.apply(rows));
            session.removeAttribute(sessionKey);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
