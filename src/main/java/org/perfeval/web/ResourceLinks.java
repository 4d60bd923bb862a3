package org.perfeval.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links are written as they are. Boot's Thymeleaf support registers ResourceUrlEncodingFilter
 * because webjars-locator is present, unless a registration of it exists, as this disabled one does; it then looks every link of every page up on the classpath (a synchronized jar scan,
 * uncached for links that are not files), which capped the inbox page at ~50 requests/s. We use no
 * versioned resource URLs, and versionless webjar paths are still resolved when they are served.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
