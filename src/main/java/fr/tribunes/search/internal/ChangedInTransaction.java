package fr.tribunes.search.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The op-eds the current transaction changed, gathered for a keeper of the search index and handed to it together:
 * just before the transaction commits (a cluster's outbox events go into that commit) or once it has committed (the
 * embedded index is written after the database). A batch of an import is one hand-over, not one per op-ed; a
 * transaction of its own inside this one (REQUIRES_NEW) gathers its own op-eds.
 */
final class ChangedInTransaction implements TransactionSynchronization {

    private final Object keeper;

    private final Set<Long> ids = new LinkedHashSet<>();

    private final Consumer<Set<Long>> beforeCommit;

    private final Consumer<Set<Long>> afterCommit;

    private ChangedInTransaction(Object keeper, Consumer<Set<Long>> beforeCommit, Consumer<Set<Long>> afterCommit) {
        this.keeper = keeper;
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
    }

    /**
     * Adds these op-eds to what the current transaction changed, for this keeper. A change announced outside a
     * transaction is not one, and is ignored as a {@code @TransactionalEventListener} would.
     */
    static void add(
            Object keeper, Collection<Long> ids, Consumer<Set<Long>> beforeCommit, Consumer<Set<Long>> afterCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        ChangedInTransaction changed = (ChangedInTransaction) TransactionSynchronizationManager.getResource(keeper);
        if (changed == null) {
            changed = new ChangedInTransaction(keeper, beforeCommit, afterCommit);
            TransactionSynchronizationManager.bindResource(keeper, changed);
            TransactionSynchronizationManager.registerSynchronization(changed);
        }
        changed.ids.addAll(ids);
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(keeper);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(keeper, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        beforeCommit.accept(ids);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(keeper);
        if (status == STATUS_COMMITTED) {
            afterCommit.accept(ids);
        }
    }
}
