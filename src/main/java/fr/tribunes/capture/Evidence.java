package fr.tribunes.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The WARC file (ISO 28500) kept as the evidence of a capture, written to a temporary file: an uploaded page or
 * export wrapped in a {@code resource} record with its SHA-256 as payload digest and its capture time; an uploaded
 * WARC file kept as it is.
 *
 * @param file the WARC file, gzip-compressed record by record
 * @param payloadSha256 the SHA-256 of what was captured, in hexadecimal
 * @param warcSha256 the SHA-256 of the WARC file
 * @param warcSize its size in bytes
 */
record Evidence(Path file, String payloadSha256, String warcSha256, long warcSize) {

    /** Wraps an uploaded file in a WARC resource record, dated {@code capturedAt}, for {@code target}. */
    static Evidence wrap(Path upload, String mediaType, URI target, Instant capturedAt) throws IOException {
        String payload = sha256(upload);
        Path warc = Files.createTempFile("tribunes-capture-", ".warc.gz");
        try (FileChannel out = FileChannel.open(warc, StandardOpenOption.WRITE);
                WarcWriter writer = new WarcWriter(out, WarcCompression.GZIP);
                FileChannel in = FileChannel.open(upload)) {
            WarcResource resource = new WarcResource.Builder(target)
                    .date(capturedAt)
                    .body(MediaType.parse(mediaType), in, Files.size(upload))
                    .payloadDigest(new WarcDigest("sha256", HexFormat.of().parseHex(payload)))
                    .build();
            writer.write(resource);
        }
        return new Evidence(warc, payload, sha256(warc), Files.size(warc));
    }

    /** An uploaded WARC file is its own evidence, kept byte for byte. */
    static Evidence asIs(Path warcFile) throws IOException {
        String digest = sha256(warcFile);
        return new Evidence(warcFile, digest, digest, Files.size(warcFile));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
