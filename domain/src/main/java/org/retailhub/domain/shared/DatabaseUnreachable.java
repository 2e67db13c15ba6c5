package org.retailhub.domain.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure says a database cannot be reached (lost or refused connection, server shutting down): a
 * dependency down, never a verdict on the input. Callers retry such a failure later; they do not refuse the request
 * or dead-letter the message it happened to.
 */
public final class DatabaseUnreachable {

    /** SQL states of a lost or refused connection: class 08, and PostgreSQL's shutdown and "cannot connect now". */
    private static final Set<String> DOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnreachable() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || DOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
