package fr.tribunes.feed;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.ArticleDocuments;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.SiteUrls;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/** An op-ed to take away: BibTeX, RIS and CSL-JSON for reference managers, Markdown for notes. */
@Controller
class CitationController {

    private final ArticleDocuments articles;

    private final SiteUrls urls;

    private final JsonMapper json;

    CitationController(ArticleDocuments articles, SiteUrls urls, JsonMapper json) {
        this.articles = articles;
        this.urls = urls;
        this.json = json;
    }

    @GetMapping("/tribunes/{slug}/citation.bib")
    ResponseEntity<String> bibtex(@PathVariable String slug) {
        ArticleDocument article = find(slug);
        return download(
                slug + ".bib", "application/x-bibtex;charset=UTF-8", CitationFormats.bibtex(article, url(slug)));
    }

    @GetMapping("/tribunes/{slug}/citation.ris")
    ResponseEntity<String> ris(@PathVariable String slug) {
        ArticleDocument article = find(slug);
        return download(
                slug + ".ris",
                "application/x-research-info-systems;charset=UTF-8",
                CitationFormats.ris(article, url(slug)));
    }

    @GetMapping("/tribunes/{slug}/citation.json")
    ResponseEntity<String> cslJson(@PathVariable String slug) {
        ArticleDocument article = find(slug);
        return download(
                slug + ".json",
                "application/vnd.citationstyles.csl+json;charset=UTF-8",
                json.writeValueAsString(List.of(CitationFormats.cslJson(article, url(slug)))));
    }

    @GetMapping("/tribunes/{slug}.md")
    ResponseEntity<String> markdown(@PathVariable String slug) {
        ArticleDocument article = find(slug);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .body(CitationFormats.markdown(article, url(slug)));
    }

    /** A missing op-ed, said in plain text: the format of these downloads, not an HTML page. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(e.getMessage() + "\n");
    }

    private ArticleDocument find(String slug) {
        return articles.findDocument(slug)
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
    }

    private String url(String slug) {
        return urls.absolute("/tribunes/" + slug);
    }

    private static ResponseEntity<String> download(String filename, String type, String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
