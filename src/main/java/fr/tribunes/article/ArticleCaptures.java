package fr.tribunes.article;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an op-ed brought in by an import was captured from: the capture feature keeps the evidence (a WARC file with
 * its SHA-256) and implements this; the op-ed page only asks, to say « capturé le …, empreinte SHA-256 … ».
 */
public interface ArticleCaptures {

    /** The capture an op-ed was extracted from, if it came in by an import that kept one. */
    Optional<Provenance> provenanceOf(long articleId);

    /**
     * A capture as the op-ed's provenance names it.
     *
     * @param captureId its key
     * @param capturedAt when it was captured
     * @param sha256 the SHA-256 of what was captured, in hexadecimal
     * @param sourceUrl where from, or null
     */
    record Provenance(long captureId, Instant capturedAt, String sha256, String sourceUrl) {}
}
