package org.perfeval.shared;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads repeated while one page is drawn, answered once. The form page asks several services the
 * same questions (the form's open task, its place in the review chain, the form header behind each
 * access check, the campaign's status); each answers through {@link #read}, which remembers answers
 * only inside {@link #during}. The page's drawing writes nothing, so an answer cannot go stale there;
 * outside it (every write path) each read goes to the database as before.
 */
public final class ReadMemo {
    private static final ThreadLocal<Map<List<Object>, Object>> ACTIVE = new ThreadLocal<>();

    private ReadMemo() {
    }

    /** Runs read-only work with repeated reads answered once; nested calls share the outer memo. */
    public static <T> T during(Supplier<T> work) {
        if (ACTIVE.get() != null) {
            return work.get();
        }
        ACTIVE.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            ACTIVE.remove();
        }
    }

    /** The answer already read under this key inside {@link #during}, else what the reader reads now. */
    @SuppressWarnings("unchecked")
    public static <T> T read(Supplier<T> reader, Object... key) {
        Map<List<Object>, Object> memo = ACTIVE.get();
        if (memo == null) {
            return reader.get();
        }
        List<Object> k = Arrays.asList(key);
        if (memo.containsKey(k)) {
            return (T) memo.get(k);
        }
        T value = reader.get();
        memo.put(k, value);
        return value;
    }
}
