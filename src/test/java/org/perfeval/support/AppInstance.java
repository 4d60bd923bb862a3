package org.perfeval.support;

import java.util.ArrayList;
import java.util.List;

import org.perfeval.PerfevalApplication;
import org.perfeval.campaign.CampaignService;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.OrgAdminService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole application started the way an operator starts it (no test profile unless asked for): on
 * the file-mode default under the given data directory, or on MariaDB with the mariadb profile.
 */
public final class AppInstance {
    private AppInstance() {
    }

    /** The embedded default (H2 in files) under {@code dataDir}; jobs are driven by the test. */
    public static ConfigurableApplicationContext fileMode(java.nio.file.Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--perfeval.data-dir=" + dataDir, "--server.port=0",
                "--management.server.port=-1", "--camunda.bpm.job-execution.enabled=false", "--spring.jmx.enabled=false",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        // An explicit profile that sets nothing: the demo profile (the default) stays off.
        return new SpringApplicationBuilder(PerfevalApplication.class).profiles("operator")
                .run(args.toArray(String[]::new));
    }

    /** A node on the shared MariaDB database (PERFEVAL_DB_NAME), as in TwoNodeOverdueTest. */
    public static ConfigurableApplicationContext mariaDbNode(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=-1",
                "--camunda.bpm.process-engine-name=" + name, "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                // Sessions in the database, as in production (the test profile leaves Spring Session out).
                "--spring.autoconfigure.exclude="));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(PerfevalApplication.class).profiles("test", "mariadb")
                .run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static TestOrg testOrg(ConfigurableApplicationContext context) {
        return new TestOrg(context.getBean(OrgAdminService.class), context.getBean(CampaignService.class),
                context.getBean(FormMapper.class));
    }
}
