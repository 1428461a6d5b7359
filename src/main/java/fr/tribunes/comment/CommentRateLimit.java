package fr.tribunes.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * How many comments each remote address sent lately: at most {@code max-per-address} within {@code window}. Kept
 * in memory, per instance: a restart forgets, and behind several instances the limit applies on each. Bounded, so
 * that a flood of addresses cannot fill the memory.
 */
@Component
class CommentRateLimit {

    private static final int MAX_ADDRESSES = 100_000;

    private final CommentSettings settings;

    private final Clock clock;

    private final Cache<String, List<Instant>> sent;

    CommentRateLimit(CommentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.sent = Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterWrite(settings.window())
                // The application's clock, so that tests can move time forward.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** Counts one comment from this address now, unless the address has reached its limit: then false. */
    boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Instant from = now.minus(settings.window());
        AtomicBoolean allowed = new AtomicBoolean();
        sent.asMap().compute(address, (key, times) -> {
            List<Instant> recent = new ArrayList<>();
            if (times != null) {
                times.stream().filter(t -> t.isAfter(from)).forEach(recent::add);
            }
            if (recent.size() < settings.maxPerAddress()) {
                recent.add(now);
                allowed.set(true);
            }
            return List.copyOf(recent);
        });
        return allowed.get();
    }
}
