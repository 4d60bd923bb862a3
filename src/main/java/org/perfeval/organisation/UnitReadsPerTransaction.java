package org.perfeval.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A unit's row and path, read once per transaction. One submission asks for the unit's name and its
 * supervising department's (the names filed with the form), the unit's path and ancestors (its
 * review chain) and the first level's name (the notice) from three features, with the form's own
 * writes in between; MyBatis forgets its session cache at every write, so each of them went to the
 * database again. Here only a write to the organisation's own tables, in the same transaction,
 * forgets what was read. Other transactions see their own reads, so a unit renamed elsewhere shows
 * at the next step, as before.
 */
@Component
@Intercepts({
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
class UnitReadsPerTransaction implements Interceptor {
    private static final String ORG_MAPPER = OrgMapper.class.getName() + ".";
    private static final Set<String> REMEMBERED = Set.of(ORG_MAPPER + "findUnit", ORG_MAPPER + "findUnits",
            ORG_MAPPER + "pathOf");
    private static final String ORGANISATION = OrgMapper.class.getPackageName() + ".";
    private static final Object RESOURCE = new Object();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        String id = statement.getId();
        if ("update".equals(invocation.getMethod().getName())) {
            if (id.startsWith(ORGANISATION)) {
                forget();
            }
            return invocation.proceed();
        }
        if (!REMEMBERED.contains(id) || invocation.getArgs()[3] != null
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return invocation.proceed();
        }
        Map<List<Object>, List<?>> memo = memo();
        List<Object> key = List.of(id, String.valueOf(invocation.getArgs()[1]));
        List<?> rows = memo.get(key);
        if (rows == null) {
            rows = (List<?>) invocation.proceed();
            memo.put(key, rows);
        }
        return new ArrayList<>(rows);
    }

    private static Map<List<Object>, List<?>> memo() {
        return org.perfeval.shared.TransactionMemo.of(RESOURCE);
    }

    private static void forget() {
        Map<?, ?> memo = org.perfeval.shared.TransactionMemo.ifBound(RESOURCE);
        if (memo != null) {
            memo.clear();
        }
    }
}
