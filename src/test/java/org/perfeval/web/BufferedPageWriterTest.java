package org.perfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** What reaches the response through Spring Security's and Spring Session's wrappers: chunks, not characters. */
@PerfevalTest
class BufferedPageWriterTest {
    @Autowired WebApplicationContext context;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;

    @Test
    void theFormPageReachesTheResponseInChunksAndWhole() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        // Outermost, so it sees what the security and session wrappers pass on.
        Filter counting = (request, response, chain) -> chain.doFilter(request,
                new HttpServletResponseWrapper((HttpServletResponse) response) {
                    PrintWriter counted;

                    @Override
                    public PrintWriter getWriter() throws IOException {
                        if (counted == null) {
                            counted = new PrintWriter(super.getWriter()) {
                                @Override
                                public void write(int c) {
                                    writes.incrementAndGet();
                                    super.write(c);
                                }

                                @Override
                                public void write(char[] buf, int off, int len) {
                                    writes.incrementAndGet();
                                    super.write(buf, off, len);
                                }

                                @Override
                                public void write(String s, int off, int len) {
                                    writes.incrementAndGet();
                                    super.write(s, off, len);
                                }
                            };
                        }
                        return counted;
                    }
                });
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(counting)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "分块写出项目");

        String page = mvc.perform(get("/forms/" + form.getId()).with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("分块写出项目").endsWith("</html>\n");
        int chunks = page.length() / BufferedPageWriter.CHUNK + 1;
        assertThat(writes.get()).as("writes for a page of %d characters", page.length()).isBetween(1, chunks + 1);
    }
}
