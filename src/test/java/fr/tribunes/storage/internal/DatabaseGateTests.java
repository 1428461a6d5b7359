package fr.tribunes.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The gate H2's online compaction closes: new work waits, work in progress finishes, even when it needs more. */
class DatabaseGateTests {

    private final DatabaseGate gate = new DatabaseGate(h2());

    @Test
    void aThreadWithoutAConnectionWaitsWhileTheGateIsClosedThenGetsOne() throws Exception {
        assertThat(gate.closeAndDrain(Duration.ofSeconds(1))).isTrue();

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = gate.getConnection()) {
                return connection.isValid(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();

        gate.open();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aThreadHoldingAConnectionGetsASecondSoThatTheDrainEnds() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);
        CompletableFuture<Void> nested = CompletableFuture.runAsync(() -> {
            try (Connection first = gate.getConnection()) {
                holding.countDown();
                closing.await();
                Thread.sleep(100);
                // As the search index does after a commit: a transaction of its own, the first still held.
                try (Connection second = gate.getConnection()) {
                    assertThat(second.isValid(1)).isTrue();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holding.await();
        closing.countDown();

        assertThat(gate.closeAndDrain(Duration.ofSeconds(5))).isTrue();
        assertThat(gate.inUse()).isZero();
        nested.get(1, TimeUnit.SECONDS);
        gate.open();
    }

    @Test
    void aConnectionNeverGivenBackMakesTheDrainGiveUpAndReopenTheGate() throws Exception {
        try (Connection kept = gate.getConnection()) {
            assertThat(gate.closeAndDrain(Duration.ofMillis(200))).isFalse();
            assertThat(gate.inUse()).isEqualTo(1);
            // Open again: another thread is served at once.
            assertThat(CompletableFuture.supplyAsync(() -> {
                                try (Connection connection = gate.getConnection()) {
                                    return connection.isValid(1);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            })
                            .get(2, TimeUnit.SECONDS))
                    .isTrue();
        }
        assertThat(gate.inUse()).isZero();
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gate;DB_CLOSE_DELAY=-1");
        return h2;
    }
}
