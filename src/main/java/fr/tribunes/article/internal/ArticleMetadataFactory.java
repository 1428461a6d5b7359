package fr.tribunes.article.internal;

import fr.tribunes.topic.TopicRef;
import fr.tribunes.web.SiteUrls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Describes an op-ed for machines, from the same view the page shows, so the two never disagree. */
@Component
class ArticleMetadataFactory {

    private final SiteUrls urls;

    private final JsonMapper json;

    ArticleMetadataFactory(SiteUrls urls, JsonMapper json) {
        this.urls = urls;
        this.json = json;
    }

    ArticleMetadata of(ArticleView article) {
        String url = urls.absolute("/tribunes/" + article.slug());
        List<String> authorUrls = article.bylines().stream()
                .map(byline -> urls.absolute("/auteurs/" + byline.slug()))
                .toList();
        String keywords = article.topics().stream().map(TopicRef::name).collect(Collectors.joining("; "));
        return new ArticleMetadata(
                url,
                authorUrls,
                article.isoDate().replace('-', '/'),
                keywords,
                citation(article, url),
                jsonLd(article, url, authorUrls));
    }

    /** "Théodore Michel Vrangos, « Titre », La Revue du Digital, octobre 2015 (date approximative). Archivé…" */
    static String citation(ArticleView article, String url) {
        StringBuilder citation = new StringBuilder();
        citation.append(
                article.bylines().stream().map(ArticleView.BylineView::name).collect(Collectors.joining(", ")));
        if (!citation.isEmpty()) {
            citation.append(", ");
        }
        citation.append("« ").append(article.title()).append(" »");
        if (article.originalPublisher() != null) {
            citation.append(", ").append(article.originalPublisher());
        }
        citation.append(", ").append(article.date());
        if (article.dateApproximate()) {
            citation.append(" (date approximative)");
        }
        return citation.append(". Archivé par Tribunes : ").append(url).toString();
    }

    private String jsonLd(ArticleView article, String url, List<String> authorUrls) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "OpinionNewsArticle");
        data.put("headline", article.title());
        if (article.standfirst() != null) {
            data.put("description", article.standfirst().strip());
        }
        data.put("inLanguage", "fr");
        data.put("datePublished", article.isoDate());
        data.put("url", url);
        data.put("mainEntityOfPage", url);
        List<Map<String, Object>> authors = new ArrayList<>();
        for (int i = 0; i < article.bylines().size(); i++) {
            ArticleView.BylineView byline = article.bylines().get(i);
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", byline.name());
            if (byline.familyName() != null) {
                person.put("familyName", byline.familyName());
            }
            if (byline.givenNames() != null) {
                person.put("givenName", byline.givenNames());
            }
            person.put("url", authorUrls.get(i));
            if (byline.role() != null) {
                person.put("jobTitle", byline.role());
            }
            if (byline.organisation() != null) {
                person.put("affiliation", organisation(byline.organisation().name()));
            }
            authors.add(person);
        }
        data.put("author", authors);
        if (article.originalPublisher() != null) {
            data.put("publisher", organisation(article.originalPublisher()));
        }
        if (article.originalUrl() != null) {
            data.put("isBasedOn", article.originalUrl());
        }
        // The holder is a name as editors wrote it, which may name a person and a publisher together: schema.org
        // takes text where it expects a Person or an Organization, and guessing which it is would invent.
        if (article.rights().holder() != null) {
            data.put("copyrightHolder", article.rights().holder());
        }
        if (article.rights().known()) {
            data.put("copyrightNotice", article.rights().statement());
        }
        if (article.rights().license() != null) {
            data.put("license", article.rights().license());
        }
        data.put("keywords", article.topics().stream().map(TopicRef::name).toList());
        data.put(
                "mentions",
                article.mentions().stream()
                        .map(mention -> organisation(mention.organisation().name()))
                        .toList());
        return scriptSafe(json.writeValueAsString(data));
    }

    private static Map<String, Object> organisation(String name) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("@type", "Organization");
        organisation.put("name", name);
        return organisation;
    }

    /**
     * Escapes the characters that could end the {@code <script>} element or start markup: the JSON means the
     * same, and no stored text can break out of it, which is why the template may print it unescaped.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
