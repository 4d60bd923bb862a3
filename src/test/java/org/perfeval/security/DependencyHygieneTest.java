package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Camunda's REST API and webapps have unfixed vulnerabilities in 7.24 CE: they must never be on the
 * classpath. And no library on the classpath may be at a version SECURITY.md lists with a critical
 * advisory.
 */
class DependencyHygieneTest {
    /** A jar in the Maven repository: …/group/path/artifact/version/artifact-version.jar */
    static final Pattern JAR = Pattern.compile(".*/repository/(.+)/([^/]+)/([^/]+)/\\2-\\3\\.jar$");

    record Advisory(String artifact, String from, String fixedIn, String advisory, String severity) {
    }

    @Test
    void noCamundaRestApiOrWebappsOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.engine.rest.impl.CamundaRestResources"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("camunda") && (p.contains("rest") || p.contains("webapp"))))
                .isEmpty();
        // The engine itself is there: the check above would pass vacuously on an empty classpath otherwise.
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .anyMatch(p -> p.contains("camunda-engine"))).isTrue();
    }

    @Test
    void noLibraryIsAtAVersionWithACriticalAdvisoryListedInSecurityMd() throws IOException {
        List<Advisory> advisories = advisories();
        Map<String, String> classpath = resolvedVersions();
        List<String> found = new ArrayList<>();
        int assessed = 0;
        for (Advisory a : advisories) {
            String version = classpath.get(a.artifact());
            if (version != null) {
                assessed++;
            }
            if (version != null && "critical".equals(a.severity()) && affected(version, a)) {
                found.add(a.artifact() + " " + version + ": " + a.advisory());
            }
        }
        System.out.println("dependency hygiene: " + classpath.size() + " libraries, " + advisories.size()
                + " advisories in SECURITY.md, " + assessed + " against libraries on the classpath");
        assertThat(found).as("update these libraries (or the table, if the advisory was withdrawn)").isEmpty();
        // The table is read and matched: the engine, Spring and Tomcat have rows and resolve here.
        assertThat(advisories).extracting(Advisory::artifact).contains("org.camunda.bpm:camunda-engine",
                "org.springframework:spring-core", "org.springframework.security:spring-security-core",
                "org.apache.tomcat.embed:tomcat-embed-core");
        assertThat(classpath).containsKeys("org.camunda.bpm:camunda-engine", "org.springframework:spring-core",
                "org.apache.tomcat.embed:tomcat-embed-core");
        assertThat(assessed).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theVersionCheckDetectsAffectedVersions() {
        Advisory spring4shell = new Advisory("org.springframework:spring-beans", "0", "5.3.18", "CVE-2022-22965", "critical");
        assertThat(affected("5.3.17", spring4shell)).isTrue();
        assertThat(affected("5.3.18", spring4shell)).isFalse();
        assertThat(affected("6.2.10", spring4shell)).isFalse();
        Advisory tomcat = new Advisory("t", "10.1.0", "10.1.35", "x", "critical");
        assertThat(affected("10.1.34", tomcat)).isTrue();
        assertThat(affected("10.1.44", tomcat)).isFalse();
        assertThat(affected("9.0.99", tomcat)).isFalse();
    }

    static boolean affected(String version, Advisory a) {
        return compare(version, a.from()) >= 0 && compare(version, a.fixedIn()) < 0;
    }

    /** Numeric segments compared in order; a qualifier (-RC1, .Final) is ignored. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? number(x[i]) : 0;
            long q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long number(String segment) {
        Matcher m = Pattern.compile("^\\d+").matcher(segment);
        return m.find() ? Long.parseLong(m.group()) : 0;
    }

    static List<Advisory> advisories() throws IOException {
        List<Advisory> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("SECURITY.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("## Dependency versions with known vulnerabilities")) {
                inTable = true;
            } else if (line.startsWith("## ")) {
                inTable = false;
            } else if (inTable && line.startsWith("| ") && !line.startsWith("| artifact") && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                rows.add(new Advisory(cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip(),
                        cells[5].strip()));
            }
        }
        return rows;
    }

    static Map<String, String> resolvedVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = JAR.matcher(entry.replace('\\', '/'));
            if (m.matches()) {
                versions.put(m.group(1).replace('/', '.') + ":" + m.group(2), m.group(3));
            }
        }
        return versions;
    }
}
