package org.perfeval.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before the application sees the request (a malformed address, a
 * header too large): a short page in Chinese instead of Tomcat's English report with its version.
 * Everything the application handles keeps its own pages (templates/error).
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ChineseErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's error report, in Chinese and without server details. */
    public static class ChineseErrorReport extends ErrorReportValve {
        public ChineseErrorReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String what = switch (status) {
                case 400 -> "请求有误：地址或请求内容格式不正确。请返回上一页，从页面上的链接或按钮重新操作。";
                case 404 -> "页面不存在。";
                case 405 -> "此地址不能这样打开。请返回上一页重新操作。";
                case 413 -> "提交的内容过大（上传文件不超过 20 MB）。";
                case 414, 431 -> "请求的地址或请求头过长。请返回上一页重新操作。";
                default -> status >= 500 ? "系统暂时无法处理此请求，请稍后重试。" : "请求无法处理。请返回上一页重新操作。";
            };
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            + "<title>" + status + " - 绩效自评审批系统</title></head><body style=\"font-family:sans-serif;"
                            + "max-width:40em;margin:2em auto;padding:0 1em\"><h1>" + status + " 请求无法处理</h1><p id=\"error-message\">"
                            + what + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer already started: nothing more to say.
            }
        }
    }
}
