package org.perfeval.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters.FailReason;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A form post the server could not read whole is refused in words, never half saved. Tomcat drops
 * the fields of a post over its size limit and every field past its count limit without a word:
 * the first was then refused as "页面已过期" (the security token went with the rest), the second
 * would have saved the first fields of a long form and lost the others. This runs before the
 * security filters and after the session's, so the refusal goes back to the page it came from like
 * any other refused post (the page's script puts the typed values back).
 */
@Configuration(proxyBeanMethods = false)
class FormPostLimits {

    @Bean
    FilterRegistrationBean<Refusal> formPostLimitsFilter(ServerProperties server) {
        FilterRegistrationBean<Refusal> registration = new FilterRegistrationBean<>(
                new Refusal(server.getTomcat().getMaxHttpFormPostSize().toMegabytes(), server.getTomcat().getMaxParameterCount()));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    static final class Refusal extends OncePerRequestFilter {
        private final long maxMegabytes;
        private final int maxFields;
        private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

        Refusal(long maxMegabytes, int maxFields) {
            this.maxMegabytes = maxMegabytes;
            this.maxFields = maxFields;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || request.getContentType() == null
                    || !request.getContentType().toLowerCase(java.util.Locale.ROOT)
                    .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            request.getParameter("_csrf"); // Tomcat reads the fields now and notes whether it read them all
            if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) == null) {
                chain.doFilter(request, response);
                return;
            }
            Object reason = request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
            HttpStatus status;
            String message;
            if (reason == FailReason.POST_TOO_LARGE) {
                status = HttpStatus.PAYLOAD_TOO_LARGE;
                message = "提交的内容过大（超过 " + maxMegabytes + " MB），未保存。请缩短过长的文字后再提交；"
                        + "很大的表可以用 Excel 或 JSON 文件导入。";
            } else if (reason == FailReason.TOO_MANY_PARAMETERS) {
                status = HttpStatus.BAD_REQUEST;
                message = "提交的栏目过多（超过 " + maxFields + " 项），未保存。请减少行数后再提交；"
                        + "很大的表可以用 Excel 或 JSON 文件导入。";
            } else {
                status = HttpStatus.BAD_REQUEST;
                message = "提交的内容不完整或格式不正确，未保存。请重新提交。";
            }
            String back = ErrorHandling.sameOriginReferer(request);
            if (back == null) {
                response.sendError(status.value(), message);
                return;
            }
            FlashMap flash = new FlashMap();
            flash.put("refused", new RefusedPost(request.getRequestURI(), message, List.of()));
            flash.setTargetRequestPath(UriComponentsBuilder.fromUriString(back).build().getPath());
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", back);
        }
    }
}
