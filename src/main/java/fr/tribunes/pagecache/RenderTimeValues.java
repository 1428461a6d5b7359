package fr.tribunes.pagecache;

import java.time.Instant;

/**
 * Renews a value a page carries that says when the page was rendered, such as the comment form's signed token.
 * Such values are marked {@code data-etag-exempt} in the page (right after the value); a page served again from
 * {@link PageCache} gets a renewed value, as if it had just been rendered, so that the page cache never hands out a
 * form older than its readers think.
 */
public interface RenderTimeValues {

    /**
     * The value the page at {@code path} would carry if rendered at {@code now}, in place of {@code stale}; or
     * {@code stale} itself when this feature does not know the value.
     */
    String renew(String path, String stale, Instant now);
}
