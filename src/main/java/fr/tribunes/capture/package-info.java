/**
 * Bringing op-eds in from where they were published, with the evidence (issue 21): saved web pages, web archives
 * (WARC) and WordPress exports (WXR) read with real parsers (jsoup, jwarc, StAX) into drafts an editor checks; each
 * capture kept as WARC records with its SHA-256, downloadable, named in the op-ed's provenance.
 */
@ApplicationModule(
        displayName = "Captures and imports",
        allowedDependencies = {"article", "web"})
package fr.tribunes.capture;

import org.springframework.modulith.ApplicationModule;
