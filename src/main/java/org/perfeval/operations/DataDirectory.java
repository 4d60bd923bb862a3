package org.perfeval.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The data directory ({@code perfeval.data-dir}, {@code PERFEVAL_DATA_DIR}, {@code data} by default)
 * holds the embedded database and the evidence files together. Made absolute here (H2 refuses a
 * relative file path) and checked to be writable before anything starts, when it is used.
 */
public class DataDirectory implements EnvironmentPostProcessor {
    static final String PROPERTY = "perfeval.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        environment.getPropertySources().addFirst(new MapPropertySource("perfevalDataDirectory",
                Map.of(PROPERTY, dir.toString())));
        String url = environment.getProperty("spring.datasource.url", "");
        boolean filesStore = "files".equals(environment.getProperty("perfeval.evidence.store", "files"));
        if (url.startsWith("jdbc:h2:file:") || filesStore) {
            Path evidence = Path.of(environment.getProperty("perfeval.evidence.dir", dir.resolve("evidence").toString()));
            checkWritable(url.startsWith("jdbc:h2:file:") ? dir : evidence);
            if (filesStore) {
                checkWritable(evidence.toAbsolutePath().normalize());
            }
        }
    }

    static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupCheckException(
                    "数据目录不可写：" + dir + " / The data directory is not writable: " + dir + " (" + e + ")",
                    "请确认该目录存在且运行本系统的用户可以写入，或用 PERFEVAL_DATA_DIR 指定另一个目录。"
                            + " / Make sure the directory exists and the user running perfeval may write to it,"
                            + " or point PERFEVAL_DATA_DIR at another directory.", e);
        }
    }
}
