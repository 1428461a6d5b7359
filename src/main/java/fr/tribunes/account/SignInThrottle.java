package fr.tribunes.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per remote address, and suspends signing in for one that failed too
 * often in a short time, so that passwords cannot be guessed by trying many. Kept in memory: a restart forgets,
 * which costs an attacker a restart they cannot cause.
 */
@Component
class SignInThrottle {

    /** Enough for a real attack to be counted, and bounded so that a flood of usernames cannot fill the memory. */
    private static final int MAX_ENTRIES = 100_000;

    private final SignInLimits limits;

    private final Clock clock;

    private final Cache<String, Failures> byUsername;

    private final Cache<String, Failures> byAddress;

    SignInThrottle(SignInLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.byUsername = cache();
        this.byAddress = cache();
    }

    private Cache<String, Failures> cache() {
        Duration longest = limits.window().compareTo(limits.lockout()) > 0 ? limits.window() : limits.lockout();
        return Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(longest)
                // The same clock as the counts, so that tests can move time forward.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** How long signing in stays suspended for this username or from this address; empty when it is not. */
    Optional<Duration> suspendedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(byUsername, username), lockedUntil(byAddress, address));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        byUsername
                .asMap()
                .compute(
                        username,
                        (key, failures) -> Failures.orNone(failures)
                                .add(now, limits.window(), limits.maxFailuresPerUsername(), limits.lockout()));
        byAddress
                .asMap()
                .compute(
                        address,
                        (key, failures) -> Failures.orNone(failures)
                                .add(now, limits.window(), limits.maxFailuresPerAddress(), limits.lockout()));
    }

    /** The right password ends the count for this username; the address keeps its count. */
    void recordSuccess(String username) {
        byUsername.invalidate(username);
    }

    private static Instant lockedUntil(Cache<String, Failures> cache, String key) {
        Failures failures = cache.getIfPresent(key);
        return failures == null ? null : failures.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /**
     * The recent failures of one username or address.
     *
     * @param times when the failures counted happened, oldest first
     * @param lockedUntil when signing in may be tried again, or null when it is not suspended
     */
    private record Failures(List<Instant> times, Instant lockedUntil) {

        static Failures orNone(Failures failures) {
            return failures == null ? new Failures(List.of(), null) : failures;
        }

        Failures add(Instant now, Duration window, int max, Duration lockout) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return this;
            }
            Instant from = now.minus(window);
            List<Instant> recent = new ArrayList<>(times.size() + 1);
            for (Instant time : times) {
                if (time.isAfter(from)) {
                    recent.add(time);
                }
            }
            recent.add(now);
            if (recent.size() >= max) {
                return new Failures(List.of(), now.plus(lockout));
            }
            return new Failures(List.copyOf(recent), null);
        }
    }
}
