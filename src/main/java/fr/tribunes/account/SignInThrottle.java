package fr.tribunes.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Decides whether a password may be checked, so that passwords cannot be guessed by trying many, without letting
 * anyone lock an editor out (OWASP's Authentication Cheat Sheet: per-account throttling that slows guessing rather
 * than locking the account everywhere). Three counts, within {@link SignInLimits#window()}:
 *
 * <ul>
 *   <li>one username from one address: after {@code maxFailuresPerUsername} failures, that username is suspended
 *       from that address only, for {@link SignInLimits#lockout()};
 *   <li>one address, whatever the usernames: after {@code maxFailuresPerAddress}, the address is suspended;
 *   <li>one username from every address (guessing spread over many): beyond {@code maxFailuresPerUsername}
 *       failures, each check from an address the editor has not signed in from waits a delay that doubles with
 *       each failure, up to {@link #LONGEST_DELAY}. The addresses the editor signed in from lately are spared it.
 * </ul>
 *
 * <p>An attempt is counted when it is allowed, before the password is checked ({@link #reserve}), and given back
 * when it succeeds: however many arrive at once, no more passwords are checked than the limits allow. Kept in memory:
 * a restart forgets, which costs an attacker a restart they cannot cause.
 */
@Component
class SignInThrottle {

    /** The longest wait between two checks of one username's password from unknown addresses. */
    static final Duration LONGEST_DELAY = Duration.ofSeconds(60);

    /** How long an address the editor signed in from is spared the username's delay. */
    static final Duration TRUSTED_FOR = Duration.ofDays(30);

    /** Enough for a real attack to be counted, and bounded so that a flood of usernames cannot fill the memory. */
    private static final int MAX_ENTRIES = 100_000;

    private final SignInLimits limits;

    private final Clock clock;

    private final Cache<String, Counts> byPair;

    private final Cache<String, Counts> byAddress;

    private final Cache<String, Delay> byUsername;

    private final Cache<String, Instant> trusted;

    SignInThrottle(SignInLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        Duration longest = limits.window().compareTo(limits.lockout()) > 0 ? limits.window() : limits.lockout();
        this.byPair = cache(longest);
        this.byAddress = cache(longest);
        this.byUsername = cache(longest.plus(LONGEST_DELAY));
        this.trusted = cache(TRUSTED_FOR);
    }

    private <V> Cache<String, V> cache(Duration expiry) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(expiry)
                // The same clock as the counts, so that tests can move time forward.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** A password check allowed and counted: say how it went. */
    interface Attempt {

        /** The right password: the username's counts from this address are forgotten, the address trusted. */
        void succeeded();

        /** A wrong password: it stays counted. */
        void failed();
    }

    /**
     * Counts an attempt for this username from this address, if one is allowed now.
     *
     * @throws SignInSuspendedException when none is, with how long to wait; nothing is then counted
     */
    Attempt reserve(String username, String address) {
        Instant now = clock.instant();
        String pair = username + '\n' + address;
        Refusal refusal = new Refusal();
        byPair.asMap()
                .compute(
                        pair,
                        (key, counts) -> Counts.orNone(counts)
                                .take(
                                        now,
                                        limits.window(),
                                        limits.maxFailuresPerUsername(),
                                        limits.lockout(),
                                        refusal));
        if (refusal.until != null) {
            throw refused(now, refusal);
        }
        byAddress
                .asMap()
                .compute(
                        address,
                        (key, counts) -> Counts.orNone(counts)
                                .take(now, limits.window(), limits.maxFailuresPerAddress(), limits.lockout(), refusal));
        if (refusal.until != null) {
            giveBack(byPair, pair, now);
            throw refused(now, refusal);
        }
        if (trusted.getIfPresent(pair) == null) {
            byUsername
                    .asMap()
                    .compute(username, (key, delay) -> Delay.orNone(delay).take(now, limits, refusal));
            if (refusal.until != null) {
                giveBack(byPair, pair, now);
                giveBack(byAddress, address, now);
                throw refused(now, refusal);
            }
        }
        return new Attempt() {
            @Override
            public void succeeded() {
                byPair.invalidate(pair);
                byUsername.invalidate(username);
                trusted.put(pair, now);
            }

            @Override
            public void failed() {
                byUsername
                        .asMap()
                        .compute(username, (key, delay) -> Delay.orNone(delay).failed(now, limits));
            }
        };
    }

    private static SignInSuspendedException refused(Instant now, Refusal refusal) {
        return new SignInSuspendedException(Duration.between(now, refusal.until), refusal.delay);
    }

    private static void giveBack(Cache<String, Counts> cache, String key, Instant taken) {
        cache.asMap().computeIfPresent(key, (k, counts) -> counts.without(taken));
    }

    /** Set, inside a compute, when the attempt is refused: until when. */
    private static final class Refusal {
        Instant until;

        /** Refused by the username's delay, not by a suspension. */
        boolean delay;
    }

    /**
     * The recent attempts of one username from one address, or from one address: counted when allowed.
     *
     * @param times when the attempts counted were allowed, oldest first
     * @param lockedUntil when attempts may be made again, or null when they may now
     */
    private record Counts(List<Instant> times, Instant lockedUntil) {

        static Counts orNone(Counts counts) {
            return counts == null ? new Counts(List.of(), null) : counts;
        }

        Counts take(Instant now, Duration window, int max, Duration lockout, Refusal refusal) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                refusal.until = lockedUntil;
                return this;
            }
            List<Instant> recent = recent(times, now.minus(window));
            if (recent.size() >= max) {
                refusal.until = now.plus(lockout);
                return new Counts(List.of(), refusal.until);
            }
            recent.add(now);
            return new Counts(List.copyOf(recent), null);
        }

        Counts without(Instant taken) {
            List<Instant> kept = new ArrayList<>(times);
            kept.remove(taken);
            return new Counts(List.copyOf(kept), lockedUntil);
        }
    }

    /**
     * One username's recent failures from every address, and when its password may next be checked from an address
     * it is not trusted from.
     */
    private record Delay(List<Instant> failures, Instant next) {

        static Delay orNone(Delay delay) {
            return delay == null ? new Delay(List.of(), null) : delay;
        }

        Delay take(Instant now, SignInLimits limits, Refusal refusal) {
            if (next != null && next.isAfter(now)) {
                refusal.until = next;
                refusal.delay = true;
                return this;
            }
            List<Instant> recent = recent(failures, now.minus(limits.window()));
            // Counted as if it failed, so that checks arriving together wait their turn.
            return new Delay(List.copyOf(recent), now.plus(wait(recent.size() + 1, limits)));
        }

        Delay failed(Instant now, SignInLimits limits) {
            List<Instant> recent = recent(failures, now.minus(limits.window()));
            recent.add(now);
            Instant after = now.plus(wait(recent.size(), limits));
            return new Delay(List.copyOf(recent), next != null && next.isAfter(after) ? next : after);
        }

        /** None up to the per-username limit, then 1 s, 2 s, 4 s… up to {@link #LONGEST_DELAY}. */
        static Duration wait(int failures, SignInLimits limits) {
            int beyond = failures - limits.maxFailuresPerUsername();
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(beyond - 1, 6));
            return wait.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : wait;
        }
    }

    private static List<Instant> recent(List<Instant> times, Instant from) {
        List<Instant> recent = new ArrayList<>(times.size() + 1);
        for (Instant time : times) {
            if (time.isAfter(from)) {
                recent.add(time);
            }
        }
        return recent;
    }
}
