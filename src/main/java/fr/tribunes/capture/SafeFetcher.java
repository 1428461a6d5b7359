package fr.tribunes.capture;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.FetchOptions;
import org.netpreserve.jwarc.FetchResult;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a page for an import, recording the requests and responses as they went in a WARC file (jwarc's
 * fetcher), and refusing what an archive must not fetch: another scheme than http or https; an address that
 * resolves to the machine itself, a private, link-local (cloud metadata services), shared or multicast network —
 * checked after resolution, at every redirect (the JVM keeps a resolved name for 30 seconds, so the connection goes
 * where the check looked); more than {@value #MAX_BYTES} bytes, {@value #MAX_MILLIS} ms or {@value #MAX_REDIRECTS}
 * redirects; anything but HTML. Every refusal is a French sentence ({@link Refused}); a refused fetch leaves nothing.
 * {@code tribunes.imports.allowed-addresses} names addresses allowed all the same (tests: a server on
 * {@code 127.0.0.1}); none by default.
 */
@Component
class SafeFetcher {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    static final long MAX_MILLIS = 10_000;

    static final int MAX_REDIRECTS = 5;

    private final java.util.Set<String> allowed;

    SafeFetcher(@Value("${tribunes.imports.allowed-addresses:}") java.util.List<String> allowed) {
        this.allowed = java.util.Set.copyOf(
                allowed.stream().map(String::strip).filter(a -> !a.isEmpty()).toList());
    }

    /** A fetch the archive will not make, and why, in French. */
    static final class Refused extends Exception {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * What was fetched: the WARC file of every request and response, the final address, and the page's bytes.
     *
     * @param warc the WARC file (the caller deletes it)
     * @param address the address the page was finally answered at
     * @param page the page's bytes, in a temporary file (the caller deletes it)
     */
    record Fetched(Path warc, URI address, Path page) {}

    Fetched fetch(String address) throws Refused, IOException {
        URI uri = check(address);
        Path warc = Files.createTempFile("tribunes-fetch-", ".warc.gz");
        Path page = Files.createTempFile("tribunes-page-", ".html");
        boolean done = false;
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.WRITE);
                WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                FetchResult result;
                try (var out = Files.newOutputStream(page)) {
                    result = writer.fetch(
                            uri,
                            new FetchOptions()
                                    .maxLength(MAX_BYTES + 1)
                                    .maxTime(MAX_MILLIS)
                                    .readTimeout((int) MAX_MILLIS)
                                    .userAgent("Tribunes (archive de tribunes)")
                                    .copyTo(out));
                }
                if (result.exception() != null) {
                    throw new Refused("La page n’a pas pu être lue à l’adresse " + uri + " ("
                            + Optional.ofNullable(result.exception().getMessage())
                                    .orElse("connexion impossible")
                            + ").");
                }
                WarcResponse response = result.response();
                int status = response.http().status();
                if (status >= 300 && status < 400) {
                    Optional<String> location = response.http().headers().first("Location");
                    if (location.isEmpty()) {
                        throw new Refused("L’adresse " + uri + " redirige sans dire vers où.");
                    }
                    uri = check(uri.resolve(location.get().strip()).toString());
                    continue;
                }
                if (status != 200) {
                    throw new Refused(
                            "L’adresse " + uri + " a répondu " + status + " : il n’y a pas de page à importer.");
                }
                if (Files.size(page) > MAX_BYTES) {
                    throw new Refused("La page dépasse 5 Mo : elle n’est pas importée.");
                }
                MediaType type = response.http().contentType();
                if (!type.base().equals(MediaType.HTML.base())) {
                    throw new Refused("L’adresse " + uri + " ne donne pas une page HTML (" + type.base() + ").");
                }
                done = true;
                return new Fetched(warc, uri, page);
            }
            throw new Refused("Plus de " + MAX_REDIRECTS + " redirections : la page n’est pas importée.");
        } finally {
            if (!done) {
                Files.deleteIfExists(warc);
                Files.deleteIfExists(page);
            }
        }
    }

    /** The address, if the archive may fetch it. */
    URI check(String address) throws Refused {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new Refused("« " + address + " » n’est pas une adresse.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("Seules les adresses http:// et https:// peuvent être importées.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("« " + address + " » n’est pas une adresse de page web.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("Le nom « " + uri.getHost() + " » est inconnu.");
        }
        for (InetAddress resolved : addresses) {
            if (internal(resolved) && !allowed.contains(resolved.getHostAddress())) {
                throw new Refused("L’adresse " + uri.getHost() + " mène à un réseau privé ou à cette machine ("
                        + resolved.getHostAddress() + ") : elle n’est pas importée.");
            }
        }
        return uri;
    }

    /** The machine itself, private networks, link-local (metadata services), shared address space, multicast. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0/8, 100.64/10 (shared, carrier-grade NAT), 192.0.0/24, 198.18/15 (benchmarking), 240/4 (reserved).
            return first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7, unique local addresses; an IPv4 address mapped into IPv6 is judged as itself.
            if ((first & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
