package org.perfeval.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts executed JDBC statements through a proxy around the DataSource: all threads for the benchmark,
 * and, while {@link #recordOnThisThread()} is on, the statements of the calling thread with their SQL
 * (the statement-count tests of the pages: a MockMvc request runs on the test's thread).
 */
public class StatementCounter implements BeanPostProcessor {
    static final AtomicLong EXECUTED = new AtomicLong();
    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();
    private static final ThreadLocal<int[]> COMMITS = new ThreadLocal<>();

    /** Starts recording this thread's statements, forgetting any recorded before. */
    public static void recordOnThisThread() {
        RECORDED.set(new ArrayList<>());
        COMMITS.set(new int[1]);
    }

    /**
     * Transactions this thread committed since recording started: each is a round trip or three (SET
     * autocommit around COMMIT) that the statements, as H2 counts them, do not show.
     */
    public static int commitsSoFar() {
        int[] commits = COMMITS.get();
        return commits == null ? 0 : commits[0];
    }

    /** The SQL of each statement this thread executed since recording started; recording stops. */
    public static List<String> stopRecording() {
        List<String> recorded = RECORDED.get();
        RECORDED.remove();
        COMMITS.remove();
        return recorded == null ? List.of() : recorded;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds) {
            return proxy(DataSource.class, ds, (inner, method, args) -> {
                Object result = invoke(inner, method, args);
                return result instanceof Connection c ? proxy(Connection.class, c, this::connection) : result;
            });
        }
        return bean;
    }

    private Object connection(Object inner, java.lang.reflect.Method method, Object[] args) throws Throwable {
        Object result = invoke(inner, method, args);
        int[] commits = COMMITS.get();
        if (commits != null && method.getName().equals("commit")) {
            commits[0]++;
        }
        if (result instanceof java.sql.PreparedStatement ps) {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
            return proxy(java.sql.PreparedStatement.class, ps, (i, m, a) -> statement(i, m, a, sql));
        }
        if (result instanceof Statement st && !(result instanceof java.sql.PreparedStatement)) {
            return proxy(Statement.class, st, (i, m, a) -> statement(i, m, a,
                    a != null && a.length > 0 && a[0] instanceof String text ? text : "?"));
        }
        return result;
    }

    private Object statement(Object inner, java.lang.reflect.Method method, Object[] args, String sql)
            throws Throwable {
        if (method.getName().startsWith("execute")) {
            EXECUTED.incrementAndGet();
            List<String> recorded = RECORDED.get();
            if (recorded != null) {
                recorded.add(sql.replaceAll("\\s+", " ").strip());
            }
        }
        return invoke(inner, method, args);
    }

    interface Handler {
        Object handle(Object inner, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, T inner, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(inner, method, args);
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    static Object invoke(Object inner, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(inner, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
