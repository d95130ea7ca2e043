package org.dragonflyclient.core;

/**
 * A transaction's command did not run because the transaction was aborted: a key it
 * {@linkplain Transaction#watch(String...) watched} was changed before {@code EXEC}, so the server
 * ran none of its commands. Nothing is wrong with the connection; read the data again and retry
 * the transaction.
 */
public class DragonflyTransactionAbortedException extends DragonflyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     */
    public DragonflyTransactionAbortedException(String message) {
        super(message);
    }
}
