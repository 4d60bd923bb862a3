package org.perfeval.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the objects audit entries point at ("市医疗保障局《城乡居民医保宣传》" rather than "form 11").
 * The audit log keeps ids only; the modules that own the objects implement this (they depend on
 * audit, audit never on them).
 */
public interface AuditObjectNames {
    /** The object type this names ("form", "user", "campaign"). */
    String objectType();

    /** Names of the given ids; ids it does not know are left out. */
    Map<String, String> names(Collection<String> ids);

    /** For objects keyed by a number: each numeric id named by {@code name}, which answers null for an unknown one. */
    static Map<String, String> byNumericId(Collection<String> ids, java.util.function.LongFunction<String> name) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            if (id != null && id.matches("\\d{1,18}")) {
                String named = name.apply(Long.parseLong(id));
                if (named != null) {
                    names.put(id, named);
                }
            }
        }
        return names;
    }
}
