package org.perfeval.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Thymeleaf writes a page a few characters at a time, and each write passed through the response
 * wrappers of Spring Security and Spring Session, which count every character (turning each into a
 * decimal string) and ask the whole wrapper chain for its buffer size: a profile of the inbox and
 * form pages under load put about 7 % of the request threads' time there. A buffer between the
 * template and those wrappers hands them the page in chunks of {@value #CHUNK} characters instead.
 * Unlike Thymeleaf's own whole-page buffer it holds one chunk, not the page; a page whose rendering
 * fails leaves its last chunk unwritten, as the whole-page buffer would.
 */
@Configuration(proxyBeanMethods = false)
class BufferedPageWriter {
    static final int CHUNK = 8192;

    @Bean
    static BeanPostProcessor bufferedThymeleafViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(BufferedView.class);
                }
                return bean;
            }
        };
    }

    /** A Thymeleaf view whose writer is buffered, flushed once rendering has finished. */
    public static class BufferedView extends ThymeleafView {
        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            ChunkedResponse chunked = new ChunkedResponse(response);
            super.render(model, request, chunked);
            chunked.flushChunk();
        }
    }

    static final class ChunkedResponse extends HttpServletResponseWrapper {
        private PrintWriter writer;

        ChunkedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new BufferedWriter(super.getWriter(), CHUNK));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            flushChunk();
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            writer = null; // what it held is dropped with the rest of the unsent body
            super.resetBuffer();
        }

        @Override
        public void reset() {
            writer = null;
            super.reset();
        }

        void flushChunk() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}
