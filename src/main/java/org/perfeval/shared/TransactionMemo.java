package org.perfeval.shared;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A map that lives as long as the current transaction, under a key of its owner's: what was read once
 * in the transaction, kept for the rest of it and gone when it ends. Call only while transaction
 * synchronization is active.
 */
public final class TransactionMemo {
    private TransactionMemo() {
    }

    /** The map bound to the transaction under {@code key}, created and bound at the first call. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> of(Object key) {
        Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(key);
        if (memo == null) {
            memo = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return memo;
    }

    /** The map bound under {@code key}, or null when none is (nothing read yet, or no transaction). */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> ifBound(Object key) {
        return (Map<K, V>) TransactionSynchronizationManager.getResource(key);
    }
}
