package org.perfeval.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Files under {@code perfeval.evidence.dir}, two hex digits of fan-out. The default store. */
@Component
@ConditionalOnProperty(name = "perfeval.evidence.store", havingValue = "files", matchIfMissing = true)
class FileEvidenceStore implements EvidenceStore {
    private final Path root;

    FileEvidenceStore(@Value("${perfeval.evidence.dir:data/evidence}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void save(String storedName, byte[] bytes) {
        Path target = pathOf(storedName);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
        }
    }

    @Override
    public byte[] load(String storedName) {
        try {
            return Files.readAllBytes(pathOf(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the commit only: a rolled-back deletion keeps its file. */
    @Override
    public void remove(String storedName) {
        Path file = pathOf(storedName);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteQuietly(file);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteQuietly(file);
            }
        });
    }

    private Path pathOf(String storedName) {
        EvidenceStore.checkName(storedName);
        return root.resolve(storedName.substring(0, 2)).resolve(storedName);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphan file is harmless: nothing refers to it
        }
    }
}
