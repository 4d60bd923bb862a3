package org.perfeval.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.perfeval.shared.StepTiming;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Marks when each request began: the workflow step log lines give their duration from it. */
@Component
class StepTimingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        StepTiming.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            StepTiming.end();
        }
    }
}
