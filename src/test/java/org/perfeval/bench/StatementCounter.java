package org.perfeval.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/** Counts executed JDBC statements through a proxy around the DataSource (benchmark only). */
public class StatementCounter implements BeanPostProcessor {
    static final AtomicLong EXECUTED = new AtomicLong();

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
        if (result instanceof java.sql.PreparedStatement ps) {
            return proxy(java.sql.PreparedStatement.class, ps, this::statement);
        }
        if (result instanceof Statement st && !(result instanceof java.sql.PreparedStatement)) {
            return proxy(Statement.class, st, this::statement);
        }
        return result;
    }

    private Object statement(Object inner, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute")) {
            EXECUTED.incrementAndGet();
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
