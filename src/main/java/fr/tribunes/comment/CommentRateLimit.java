package fr.tribunes.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
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

    private final Cache<String, List<Instant>> byToken;

    CommentRateLimit(CommentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.sent = cache(settings.window());
        this.byToken = cache(settings.window());
    }

    private Cache<String, List<Instant>> cache(Duration expiry) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterWrite(expiry)
                // The application's clock, so that tests can move time forward.
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * Counts one comment from this address now, unless the address has reached its limit: then false. IPv6 addresses
     * count by their /64 network, which one subscriber is given whole: billions of addresses, one sender.
     */
    boolean tryAcquire(String address) {
        return take(sent, network(address), settings.maxPerAddress(), settings.window());
    }

    /**
     * Counts one comment sent with this form token, unless it has carried {@code max-per-token} within
     * {@code window} already. A token is good for 7 days from any address, and is shared by every reader of the
     * cached page it is in: limited per period, it serves them, not a flood from many addresses.
     */
    boolean tryAcquireToken(String token) {
        return take(byToken, token == null ? "" : token, settings.maxPerToken(), settings.window());
    }

    private boolean take(Cache<String, List<Instant>> cache, String key, int max, Duration window) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        AtomicBoolean allowed = new AtomicBoolean();
        cache.asMap().compute(key, (k, times) -> {
            List<Instant> recent = new ArrayList<>();
            if (times != null) {
                times.stream().filter(t -> t.isAfter(from)).forEach(recent::add);
            }
            if (recent.size() < max) {
                recent.add(now);
                allowed.set(true);
            }
            return List.copyOf(recent);
        });
        return allowed.get();
    }

    /** The address an IPv4 sender is known by, or the /64 network of an IPv6 one. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal: no name is looked up.
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
