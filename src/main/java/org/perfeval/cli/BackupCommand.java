package org.perfeval.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar perfeval.jar backup DIR} and {@code restore DIR}: the database and the evidence
 * files together, read from the same configuration as the application (profile, PERFEVAL_DATA_DIR,
 * PERFEVAL_DB_* …). No web server is started.
 * <ul>
 * <li>Embedded H2: H2's SCRIPT (a consistent SQL script, zipped) into DIR; the application must be
 * stopped first (the database file is held by one process). Restore runs it with RUNSCRIPT.</li>
 * <li>MySQL/MariaDB: {@code mariadb-dump --single-transaction} (or mysqldump), online: one
 * consistent snapshot while the application runs. Restore feeds it to {@code mariadb} (or mysql).</li>
 * <li>Evidence in files: copied after the database (files are never changed, only added or deleted),
 * each one checked against the checksum its database row records. Evidence in the database
 * ({@code perfeval.evidence.store=database}) is inside the database backup.</li>
 * </ul>
 * Restore goes only into an empty database and an empty evidence directory: it never overwrites.
 */
public final class BackupCommand {
    static final String MANIFEST = "perfeval-backup.properties";
    static final String H2_SCRIPT = "database-h2.sql.zip";
    static final String MYSQL_DUMP = "database-mysql.sql";

    private BackupCommand() {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    static class DatabaseOnly {
    }

    /** {@code verb} is backup or restore; args: DIR, then --property=value options as for the application. */
    public static int run(String verb, String[] args, PrintStream out, PrintStream err) {
        List<String> options = new ArrayList<>();
        String dir = null;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                options.add(arg);
            } else if (dir == null) {
                dir = arg;
            }
        }
        if (dir == null) {
            err.println("用法 / usage: java -jar perfeval.jar " + verb + " 目录/DIR [--spring.profiles.active=mariadb …]");
            return 2;
        }
        options.add(0, "--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(options.toArray(String[]::new))) {
            Target target = new Target(context.getEnvironment(), context.getBean(JdbcTemplate.class));
            Path path = Path.of(dir).toAbsolutePath().normalize();
            if (verb.equals("backup")) {
                backup(target, path, out);
            } else {
                restore(target, path, out);
            }
            return 0;
        } catch (CommandException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException | IOException | InterruptedException e) {
            err.println((verb.equals("backup") ? "备份失败 / backup failed: " : "恢复失败 / restore failed: ") + e);
            return 1;
        }
    }

    static void backup(Target target, Path dir, PrintStream out) throws IOException, InterruptedException {
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new CommandException("备份目录不是空的：" + dir + " / The backup directory is not empty: " + dir);
        }
        Files.createDirectories(dir);
        if (target.h2()) {
            target.jdbc.execute("SCRIPT TO '" + sqlString(dir.resolve(H2_SCRIPT)) + "' COMPRESSION ZIP");
        } else {
            target.mysqlTool(List.of("mariadb-dump", "mysqldump"), List.of("--single-transaction", "--quick",
                    "--hex-blob", "--routines", "--default-character-set=utf8mb4"), null, dir.resolve(MYSQL_DUMP));
        }
        int files = 0;
        if (target.filesStore()) {
            // After the database: every row in the backup has its file unless deleted since (then reported).
            for (Map<String, Object> row : target.jdbc.queryForList("SELECT stored_name, sha256 FROM evidence")) {
                String name = (String) row.get("stored_name");
                Path from = target.evidencePath(name);
                if (!Files.exists(from)) {
                    out.println("佐证材料文件已不存在（备份期间被删除？）/ evidence file gone (deleted meanwhile?): " + name);
                    continue;
                }
                Path to = evidenceIn(dir.resolve("evidence"), name);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                if (!sha256(to).equals(row.get("sha256"))) {
                    throw new CommandException("佐证材料校验和不符 / evidence checksum mismatch: " + from);
                }
                files++;
            }
        }
        Properties manifest = new Properties();
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("database", target.h2() ? "h2" : "mysql");
        manifest.setProperty("evidence-store", target.filesStore() ? "files" : "database");
        manifest.setProperty("evidence-files", Integer.toString(files));
        manifest.setProperty("forms", String.valueOf(target.jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_form", Long.class)));
        try (var writer = Files.newBufferedWriter(dir.resolve(MANIFEST))) {
            manifest.store(writer, "perfeval backup");
        }
        out.println("已备份 / backed up: " + manifest.getProperty("forms") + " 张评价表 / forms, " + files
                + " 个佐证材料文件 / evidence files -> " + dir);
    }

    static void restore(Target target, Path dir, PrintStream out) throws IOException, InterruptedException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.exists(manifestFile)) {
            throw new CommandException("不是 perfeval 备份目录（缺少 " + MANIFEST + "）/ Not a perfeval backup: " + dir);
        }
        Properties manifest = new Properties();
        try (var reader = Files.newBufferedReader(manifestFile)) {
            manifest.load(reader);
        }
        String kind = target.h2() ? "h2" : "mysql";
        if (!kind.equals(manifest.getProperty("database"))) {
            throw new CommandException("备份来自 " + manifest.getProperty("database") + "，当前配置的数据库是 " + kind
                    + " / The backup is of a " + manifest.getProperty("database") + " database, the configured one is " + kind);
        }
        if (target.tableCount() > 0) {
            throw new CommandException("目标数据库不是空的：恢复只写入空数据库 / The target database is not empty:"
                    + " restore only writes into an empty database");
        }
        Path evidenceBackup = dir.resolve("evidence");
        boolean withFiles = Files.isDirectory(evidenceBackup);
        if (withFiles && !target.filesStore()) {
            throw new CommandException("备份中有佐证材料文件，请用 perfeval.evidence.store=files 恢复 / The backup holds"
                    + " evidence files: restore with perfeval.evidence.store=files");
        }
        if (withFiles && Files.exists(target.evidenceRoot) && !isEmptyDirectory(target.evidenceRoot)) {
            throw new CommandException("佐证材料目录不是空的：" + target.evidenceRoot + " / The evidence directory is not empty");
        }
        if (target.h2()) {
            target.jdbc.execute("RUNSCRIPT FROM '" + sqlString(dir.resolve(H2_SCRIPT)) + "' COMPRESSION ZIP");
        } else {
            target.mysqlTool(List.of("mariadb", "mysql"), List.of("--default-character-set=utf8mb4"),
                    dir.resolve(MYSQL_DUMP), null);
        }
        int files = 0;
        if (withFiles) {
            try (Stream<Path> all = Files.walk(evidenceBackup)) {
                for (Path from : all.filter(Files::isRegularFile).toList()) {
                    Path to = evidenceIn(target.evidenceRoot, from.getFileName().toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                    files++;
                }
            }
        }
        Long forms = target.jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_form", Long.class);
        out.println("已恢复 / restored: " + forms + " 张评价表 / forms, " + files + " 个佐证材料文件 / evidence files");
    }

    /** The configured database and evidence store. */
    static final class Target {
        final Environment env;
        final JdbcTemplate jdbc;
        final String url;
        final Path evidenceRoot;

        Target(Environment env, JdbcTemplate jdbc) {
            this.env = env;
            this.jdbc = jdbc;
            this.url = env.getProperty("spring.datasource.url", "");
            this.evidenceRoot = Path.of(env.getProperty("perfeval.evidence.dir", "data/evidence")).toAbsolutePath().normalize();
        }

        boolean h2() {
            return url.startsWith("jdbc:h2:");
        }

        boolean filesStore() {
            return !"database".equals(env.getProperty("perfeval.evidence.store", "files"));
        }

        Path evidencePath(String storedName) {
            return evidenceIn(evidenceRoot, storedName);
        }

        long tableCount() {
            return jdbc.queryForObject(h2()
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", Long.class);
        }

        /** Runs the first of the client tools found, with the connection of spring.datasource.*. */
        void mysqlTool(List<String> names, List<String> options, Path input, Path output)
                throws IOException, InterruptedException {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String database = uri.getPath().replaceFirst("^/", "");
            List<String> command = new ArrayList<>();
            command.add(findTool(names));
            command.addAll(options);
            command.addAll(List.of("--host=" + uri.getHost(), "--port=" + (uri.getPort() < 0 ? 3306 : uri.getPort()),
                    "--user=" + env.getProperty("spring.datasource.username", "root"), database));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            // The password goes through the environment, never the command line (visible to others).
            builder.environment().put("MYSQL_PWD", env.getProperty("spring.datasource.password", ""));
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            if (output != null) {
                builder.redirectOutput(output.toFile());
            }
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new CommandException(command.get(0) + " 失败，退出码 / failed with exit code " + exit);
            }
        }

        private static String findTool(List<String> names) {
            String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            for (String name : names) {
                for (String entry : path.split(java.io.File.pathSeparator)) {
                    if (Files.isExecutable(Path.of(entry, name))) {
                        return Path.of(entry, name).toString();
                    }
                }
            }
            throw new CommandException("找不到 " + names + "：请安装 MariaDB 或 MySQL 客户端 / " + names
                    + " not found: install the MariaDB or MySQL client");
        }
    }

    static Path evidenceIn(Path root, String storedName) {
        if (!storedName.matches("[0-9a-f]{32}")) {
            throw new CommandException("不是佐证材料文件 / not an evidence file: " + storedName);
        }
        return root.resolve(storedName.substring(0, 2)).resolve(storedName);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String sqlString(Path path) {
        return path.toString().replace("'", "''");
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal the operator can act on: printed as it is, no stack trace. */
    static final class CommandException extends RuntimeException {
        CommandException(String message) {
            super(message);
        }
    }
}
