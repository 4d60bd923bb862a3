package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Camunda's REST API and webapps have unfixed vulnerabilities in 7.24 CE: they must never be on the classpath. */
class DependencyHygieneTest {

    @Test
    void noCamundaRestApiOrWebappsOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.engine.rest.impl.CamundaRestResources"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("camunda") && (p.contains("rest") || p.contains("webapp"))))
                .isEmpty();
        // The engine itself is there: the check above would pass vacuously on an empty classpath otherwise.
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .anyMatch(p -> p.contains("camunda-engine"))).isTrue();
    }
}
