package fr.tribunes.storage.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After Flyway, at every start on H2: moves each identity column's next value past the largest id of its table.
 * H2 keeps an identity's next value apart from the rows, and after the process was killed (kill -9, a power cut) it
 * can give again ids that committed rows hold: the next op-ed, comment or revision then fails on the primary key
 * (found by {@code bench/crash.sh}). PostgreSQL logs its sequences with the data and needs nothing.
 */
@Component
class H2Identities implements Callback {

    private static final Logger log = LoggerFactory.getLogger(H2Identities.class);

    private record Identity(String table, String column, long next) {}

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            realign(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check H2's identity columns", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "H2 identities";
    }

    static void realign(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        List<Identity> identities = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("select table_name, column_name, identity_base"
                        + " from information_schema.columns"
                        + " where is_identity = 'YES' and table_schema = current_schema")) {
            while (columns.next()) {
                identities.add(new Identity(columns.getString(1), columns.getString(2), columns.getLong(3)));
            }
        }
        for (Identity identity : identities) {
            try (Statement statement = connection.createStatement();
                    ResultSet max = statement.executeQuery(
                            "select max(" + quoted(identity.column()) + ") from " + quoted(identity.table()))) {
                max.next();
                long largest = max.getLong(1);
                if (!max.wasNull() && largest >= identity.next()) {
                    log.warn(
                            "{}.{} would have given id {} again (the last run was killed?): restarting it at {}",
                            identity.table(),
                            identity.column(),
                            identity.next(),
                            largest + 1);
                    statement.execute("alter table " + quoted(identity.table()) + " alter column "
                            + quoted(identity.column()) + " restart with " + (largest + 1));
                }
            }
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
