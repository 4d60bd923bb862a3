package org.perfeval.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.organisation.CurrentUser;
import org.perfeval.shared.ConflictException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.perfeval.shared.FieldProblem;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Service exceptions as Chinese error pages (or JSON for JSON clients), never a stack trace. */
@ControllerAdvice
class ErrorHandling {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorHandling.class);

    private final AuditLog audit;

    ErrorHandling(AuditLog audit) {
        this.audit = audit;
    }

    private void denied(HttpServletRequest request, String message) {
        Object principal = SecurityContextHolder.getContext().getAuthentication() == null ? null
                : SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (principal instanceof CurrentUser user) {
            audit.event(user.getId(), user.getDisplayName(), user.getUnitName(), AuditAction.PERMISSION_DENIED,
                    "request", request.getMethod() + " " + request.getRequestURI(), message);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        denied(request, e.getMessage());
        return answer(request, HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request) {
        denied(request, e.getMessage());
        return answer(request, HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(org.perfeval.exchange.json.InvalidFormException.class)
    Object invalidForm(org.perfeval.exchange.json.InvalidFormException e, HttpServletRequest request) {
        // An uploaded file that is no form (not Excel, no known layout) is not the form's content at fault.
        String heading = request.getRequestURI().matches(".*/forms/\\d+/import(/preview)?$")
                ? "上传的文件无法导入，请按提示检查" : "评价表内容有误，请按提示修改";
        return answer(request, HttpStatus.BAD_REQUEST, heading,
                e.problems().stream().map(p -> new FieldProblem(p.path(), p.message())).toList());
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    Object unreadable(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "请求内容无法读取", List.of());
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    Object badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
                        HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "输入有误，请按提示修改", List.of(new FieldProblem(e.getName(),
                ParameterLabels.label(e.getName()) + "的值“" + e.getValue() + "”无效"
                        + (Number.class.isAssignableFrom(e.getRequiredType() == null ? Object.class : e.getRequiredType())
                        ? "，应为数字" : ""))));
    }

    /**
     * Collection indexes on the form page grow the lists up to the form's row limit; an index
     * beyond it or below zero (indicators[600], indicators[-1]) is a bad request, not a 500.
     */
    @org.springframework.web.bind.annotation.InitBinder
    void rowLimit(org.springframework.web.bind.WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(org.perfeval.exchange.FormLimits.MAX_ROWS);
    }

    @ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
    Object badIndex(org.springframework.beans.InvalidPropertyException e, HttpServletRequest request) {
        String path = org.perfeval.shared.ColumnLimits.AUDIT_OBJECT_ID.cut(e.getPropertyName());
        return answer(request, HttpStatus.BAD_REQUEST, "输入有误，未保存", List.of(new FieldProblem(path,
                "字段「" + path + "」无效：行号应在 0 到 " + (org.perfeval.exchange.FormLimits.MAX_ROWS - 1)
                        + " 之间（每类最多 " + org.perfeval.exchange.FormLimits.MAX_ROWS + " 行）")));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    Object missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e,
                            HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "输入有误，请按提示修改", List.of(new FieldProblem(e.getParameterName(),
                "请填写" + ParameterLabels.label(e.getParameterName()))));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大（不超过 20 MB）",
                List.of(new FieldProblem("file", "上传的文件过大（不超过 20 MB）")));
    }

    /**
     * The database cannot be reached (restarting, connections exhausted): a page that says so and to
     * try again. Nothing was saved: the step's transaction did not commit. Without this, the error
     * page itself reached for the database (the unread count) and the answer was an empty 200.
     */
    @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.dao.RecoverableDataAccessException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(request, HttpStatus.SERVICE_UNAVAILABLE, "系统暂时无法访问数据库，本次操作未生效，请稍后重试。",
                List.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "输入有误，请按提示修改", e.problems());
    }

    static Object answer(HttpServletRequest request, HttpStatus status, String message, List<FieldProblem> problems) {
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        if ((accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE))
                || (contentType != null && contentType.contains(MediaType.APPLICATION_JSON_VALUE))) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", status.value(), "message", message, "problems", problems));
        }
        String back = sameOriginReferer(request);
        if (back != null && !"GET".equals(request.getMethod())
                && (status == HttpStatus.BAD_REQUEST || status == HttpStatus.PAYLOAD_TOO_LARGE
                        || status == HttpStatus.CONFLICT)) {
            return backToTheForm(request, back, message, problems);
        }
        ModelAndView page = new ModelAndView("error/" + status.value());
        page.addObject("back", back);
        page.addObject("message", message);
        page.addObject("problems", labelled(problems));
        page.setStatus(status);
        return page;
    }

    /**
     * A refused post from one of our pages goes back to that page with the message (flash
     * attribute "refused"), never to a dead-end error page; the page's script puts the typed values
     * back into the form (they stay in the browser's session storage) and each problem beside its field.
     */
    private static ModelAndView backToTheForm(HttpServletRequest request, String back, String message,
                                              List<FieldProblem> problems) {
        List<RefusedPost.Problem> labelled = labelled(problems);
        org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request)
                .put("refused", new RefusedPost(request.getRequestURI(), message, new java.util.ArrayList<>(labelled)));
        org.springframework.web.servlet.view.RedirectView redirect =
                new org.springframework.web.servlet.view.RedirectView(back, false);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    private static List<RefusedPost.Problem> labelled(List<FieldProblem> problems) {
        return problems.stream().map(p -> new RefusedPost.Problem(p.path(), ParameterLabels.label(p.path()),
                p.message())).toList();
    }

    /** The path (and query) of the page the request came from, when it is one of ours; else null. */
    static String sameOriginReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.length() > 2000) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")
                    || uri.getRawPath().startsWith(request.getContextPath() + "/login")) {
                return null;
            }
            int port = uri.getPort() < 0 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            if (port != request.getServerPort()) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
