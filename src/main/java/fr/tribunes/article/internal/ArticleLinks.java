package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.organisation.OrganisationRef;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.topic.TopicRef;
import fr.tribunes.topic.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Between the names an editor writes and the records an op-ed links to: a checked draft's authors, themes and
 * organisations found, or created the first time they are named; and back, an op-ed's links as the names a draft
 * shows.
 */
@Component
public class ArticleLinks {

    /** A checked draft linked to the records it names (created if new), ready to write. */
    public record Resolved(
            DraftCheck.Checked checked,
            ArticleDraft draft,
            List<Signature> signatures,
            Set<Long> topicIds,
            Set<Mention> mentions) {}

    private final Authors authors;

    private final Topics topics;

    private final Organisations organisations;

    ArticleLinks(Authors authors, Topics topics, Organisations organisations) {
        this.authors = authors;
        this.topics = topics;
        this.organisations = organisations;
    }

    /** Links the draft to its authors, themes and organisations, creating those it names for the first time. */
    public Resolved resolve(DraftCheck.Checked checked) {
        List<Signature> signatures = new ArrayList<>();
        List<ArticleDraft.Byline> bylines = new ArrayList<>();
        for (ArticleDraft.Byline byline : checked.bylines()) {
            AuthorRef author = authors.findOrCreate(byline.author(), byline.authorSlug());
            OrganisationRef organisation =
                    byline.organisation() == null ? null : organisations.findOrCreate(byline.organisation(), null);
            signatures.add(new Signature(
                    author.id(), byline.role(), organisation == null ? null : organisation.id(), byline.credit()));
            bylines.add(new ArticleDraft.Byline(
                    author.name(),
                    author.slug(),
                    byline.role(),
                    organisation == null ? null : organisation.name(),
                    byline.credit()));
        }
        List<TopicRef> themes = checked.themes().stream()
                .map(name -> topics.findOrCreate(name, null))
                .distinct()
                .sorted(Comparator.comparing(TopicRef::slug))
                .toList();
        Map<Long, Mention> mentions = new LinkedHashMap<>();
        List<ArticleDraft.Mentioned> mentioned = new ArrayList<>();
        checked.organisations().stream()
                .map(m -> Map.entry(organisations.findOrCreate(m.name(), null), m))
                .sorted(Comparator.comparing(e -> e.getKey().slug()))
                .forEach(e -> {
                    if (mentions.putIfAbsent(
                                    e.getKey().id(),
                                    new Mention(e.getKey().id(), e.getValue().writtenAs()))
                            == null) {
                        mentioned.add(new ArticleDraft.Mentioned(
                                e.getKey().name(), e.getValue().writtenAs()));
                    }
                });
        ArticleDraft draft = checked.draft();
        ArticleDraft resolved = new ArticleDraft(
                draft.title(),
                draft.slug(),
                draft.standfirst(),
                draft.text(),
                draft.date(),
                draft.dateApproximate(),
                draft.dateNote(),
                draft.originalPublisher(),
                draft.originalUrl(),
                bylines,
                themes.stream().map(TopicRef::name).toList(),
                mentioned,
                draft.rights());
        return new Resolved(
                checked,
                resolved,
                signatures,
                themes.stream().map(TopicRef::id).collect(Collectors.toCollection(LinkedHashSet::new)),
                new LinkedHashSet<>(mentions.values()));
    }

    /** The op-ed as the editor wrote it, with names for its links. */
    public ArticleDraft toDraft(ArticleContent article) {
        Map<Long, AuthorRef> authorsById = byId(
                authors.findAllByIds(
                        article.signatures().stream().map(Signature::authorId).toList()),
                AuthorRef::id);
        Set<Long> organisationIds = new HashSet<>();
        article.signatures().stream()
                .map(Signature::organisationId)
                .filter(o -> o != null)
                .forEach(organisationIds::add);
        article.mentions().forEach(m -> organisationIds.add(m.organisationId()));
        Map<Long, OrganisationRef> organisationsById =
                byId(organisations.findAllByIds(organisationIds), OrganisationRef::id);
        List<ArticleDraft.Byline> bylines = article.signatures().stream()
                .map(s -> {
                    AuthorRef author = authorsById.get(s.authorId());
                    OrganisationRef organisation =
                            s.organisationId() == null ? null : organisationsById.get(s.organisationId());
                    return new ArticleDraft.Byline(
                            author.name(),
                            author.slug(),
                            s.role(),
                            organisation == null ? null : organisation.name(),
                            s.credit());
                })
                .toList();
        List<String> themes = topics.findAllByIds(article.topicIds()).stream()
                .sorted(Comparator.comparing(TopicRef::slug))
                .map(TopicRef::name)
                .toList();
        List<ArticleDraft.Mentioned> mentioned = article.mentions().stream()
                .map(m -> Map.entry(organisationsById.get(m.organisationId()), m))
                .sorted(Comparator.comparing(e -> e.getKey().slug()))
                .map(e -> new ArticleDraft.Mentioned(
                        e.getKey().name(), e.getValue().writtenAs()))
                .toList();
        PublicationDate date = article.publicationDate();
        return new ArticleDraft(
                article.title(),
                article.slug(),
                article.standfirst(),
                ArticleText.format(article.blocks()),
                date.iso(),
                date.approximate(),
                article.dateNote(),
                article.originalPublisher(),
                article.originalUrl(),
                bylines,
                themes,
                mentioned,
                article.rights());
    }

    private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }
}
