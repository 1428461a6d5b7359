package fr.tribunes.storage.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, with a gate {@link H2Compaction} closes while it closes and compacts the database:
 * threads that hold no connection wait at the gate; threads that already hold one (a transaction that indexes what
 * it committed in a transaction of its own, say) get a second, so that they finish and give both back. The gate
 * counts the connections it handed out and not yet given back: once it is closed and that count is zero, nothing
 * uses the database. Open, it costs a volatile read per connection handed out, and a JDK proxy (an indirect call)
 * per JDBC call on it.
 *
 * <p>The connection pool's own suspension (HikariCP's {@code suspendPool}) holds off every thread alike, and so
 * waits forever for a thread that holds a connection and asks for another.
 */
public final class DatabaseGate extends DelegatingDataSource implements AutoCloseable {

    private final AtomicInteger handedOut = new AtomicInteger();

    private final ThreadLocal<AtomicInteger> heldHere = ThreadLocal.withInitial(AtomicInteger::new);

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition opened = lock.newCondition();

    private volatile boolean closed;

    DatabaseGate(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pass(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pass(username, password);
    }

    private Connection pass(String username, String password) throws SQLException {
        AtomicInteger held = heldHere.get();
        while (true) {
            if (closed && held.get() == 0) {
                awaitOpen();
                continue;
            }
            // Counted before the gate is looked at again: close() sets the flag and then reads the count, so one of
            // the two sees the other (both volatile).
            handedOut.incrementAndGet();
            if (closed && held.get() == 0) {
                handedOut.decrementAndGet();
                continue;
            }
            try {
                Connection connection = username == null
                        ? obtainTargetDataSource().getConnection()
                        : obtainTargetDataSource().getConnection(username, password);
                held.incrementAndGet();
                return counted(connection, held);
            } catch (SQLException | RuntimeException e) {
                handedOut.decrementAndGet();
                throw e;
            }
        }
    }

    private void awaitOpen() {
        lock.lock();
        try {
            while (closed) {
                opened.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the gate and waits until every connection handed out has been given back.
     *
     * @return true when none is in use any more; false if some still were after {@code patience} (the gate is then
     *     open again)
     */
    public boolean closeAndDrain(Duration patience) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + patience.toNanos();
        while (handedOut.get() > 0) {
            if (System.nanoTime() > deadline) {
                open();
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Connections still handed out: zero once {@link #closeAndDrain} has returned true. */
    int inUse() {
        return handedOut.get();
    }

    public void open() {
        lock.lock();
        try {
            closed = false;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the pool behind the gate when the application stops (the bean's destroy method). */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private Connection counted(Connection connection, AtomicInteger held) {
        AtomicBoolean givenBack = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close" -> {
                    if (givenBack.compareAndSet(false, true)) {
                        held.decrementAndGet();
                        handedOut.decrementAndGet();
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "gated " + connection;
                }
                default -> {}
            }
            return invoke(connection, method, args);
        };
        return (Connection)
                Proxy.newProxyInstance(DatabaseGate.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Puts the gate in front of the application's data source. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        static BeanPostProcessor databaseGate() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DatabaseGate)
                            ? new DatabaseGate(dataSource)
                            : bean;
                }
            };
        }
    }
}
