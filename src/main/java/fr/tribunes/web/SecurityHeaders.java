package fr.tribunes.web;

/**
 * The site's security policies, in one place: Spring Security writes them on every answer the application makes
 * (see {@code account.SecurityConfiguration}), and {@link ContainerErrorPages} on the pages Tomcat answers alone.
 */
public final class SecurityHeaders {

    /**
     * What a page of the site may load: its own stylesheet and images (the favicon, an SVG), nothing else — no
     * script at all (the op-ed page's JSON-LD is a data block, which browsers never run), no inline style, nothing
     * from another host; its forms post only to the site; no other site may frame it.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Powerful browser features the site never uses, refused to it and to anything it might embed. */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " + "interest-cohort=(), browsing-topics=()";

    private SecurityHeaders() {}
}
