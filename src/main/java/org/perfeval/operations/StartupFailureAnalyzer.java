package org.perfeval.operations;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Start-up failures an operator can fix, told in Chinese and English instead of a stack trace (Spring
 * Boot prints the analysis; the trace goes to the debug log): a failed check of ours, a database
 * that cannot be reached or is held by another instance, the wrong transaction isolation level.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupCheckException check) {
                return new FailureAnalysis(check.getMessage(), check.action(), check);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return new FailureAnalysis(
                        "内置数据库已被另一个进程打开（同一数据目录只能有一个实例）。 / The embedded database is already"
                                + " open in another process (one instance per data directory).",
                        "请先停止另一个实例，或用 PERFEVAL_DATA_DIR 指定另一个数据目录；多实例请使用 MySQL/MariaDB（见 README）。"
                                + " / Stop the other instance or use another PERFEVAL_DATA_DIR; for several instances"
                                + " use MySQL/MariaDB (see the README).", failure);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t.getClass().getName().endsWith("CommunicationsException")
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return new FailureAnalysis(
                        "无法连接数据库：" + message + " / The database cannot be reached: " + message,
                        "请确认数据库已启动，并检查 PERFEVAL_DB_HOST、PERFEVAL_DB_PORT、PERFEVAL_DB_NAME、PERFEVAL_DB_USER、"
                                + "PERFEVAL_DB_PASSWORD。 / Make sure the database server runs and check PERFEVAL_DB_HOST,"
                                + " PERFEVAL_DB_PORT, PERFEVAL_DB_NAME, PERFEVAL_DB_USER and PERFEVAL_DB_PASSWORD.", failure);
            }
            if (message.contains("isolation level")) {
                return new FailureAnalysis(
                        "数据库事务隔离级别不是 READ COMMITTED，工作流引擎拒绝启动。 / The database transaction isolation"
                                + " level is not READ COMMITTED; the workflow engine refuses to start.",
                        "请保留 spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED，"
                                + "或在 MySQL/MariaDB 中设置 transaction_isolation=READ-COMMITTED。 / Keep"
                                + " spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED, or set"
                                + " transaction_isolation=READ-COMMITTED on the MySQL/MariaDB server.", failure);
            }
        }
        return null;
    }
}
