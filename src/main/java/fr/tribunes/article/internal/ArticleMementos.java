package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleFileException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An op-ed's versions as Mementos (RFC 7089): the op-ed's page is the original resource; each recorded version is
 * a Memento, dated when it was saved ({@code Memento-Datetime}). An op-ed never corrected has one Memento, its
 * text as it entered the archive, dated then.
 */
@Service
@Transactional(readOnly = true)
class ArticleMementos {

    private final ArticleRepository articles;

    private final ArticleRevisionRepository revisions;

    private final ArticleLinks links;

    ArticleMementos(ArticleRepository articles, ArticleRevisionRepository revisions, ArticleLinks links) {
        this.articles = articles;
        this.revisions = revisions;
        this.links = links;
    }

    /** A version: its number and when the archive saved it. */
    record Memento(int number, Instant datetime) {}

    /** A published op-ed's versions, oldest first: never empty. */
    record TimeMap(String slug, List<Memento> mementos) {

        Memento first() {
            return mementos.get(0);
        }

        Memento last() {
            return mementos.get(mementos.size() - 1);
        }

        Optional<Memento> number(int number) {
            return mementos.stream().filter(m -> m.number() == number).findFirst();
        }

        /** The version a reader asking for the op-ed as it was at {@code when} gets: the last saved by then. */
        Memento at(ZonedDateTime when) {
            Memento chosen = first();
            for (Memento memento : mementos) {
                if (!memento.datetime().isAfter(when.toInstant())) {
                    chosen = memento;
                }
            }
            return chosen;
        }
    }

    /** A version whole: the op-ed as it then was. */
    record Version(TimeMap timeMap, Memento memento, ArticleDraft draft) {}

    /** The versions of the published op-ed at this address, if there is one. */
    Optional<TimeMap> timeMap(String slug) {
        return articles.findBySlug(slug).map(this::timeMap);
    }

    private TimeMap timeMap(Article article) {
        List<Memento> mementos = revisions.findMementos(article.id());
        if (mementos.isEmpty()) {
            mementos = List.of(new Memento(1, article.addedAt()));
        }
        return new TimeMap(article.slug(), mementos);
    }

    /** Version {@code number} of the published op-ed at this address, if both exist. */
    Optional<Version> version(String slug, int number) {
        Optional<Article> found = articles.findBySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        TimeMap timeMap = timeMap(article);
        Optional<Memento> memento = timeMap.number(number);
        if (memento.isEmpty()) {
            return Optional.empty();
        }
        ArticleDraft draft = revisions
                .findByArticleIdAndNumber(article.id(), number)
                .map(ArticleMementos::draft)
                // Never corrected: its one version is what it is now.
                .orElseGet(() -> links.toDraft(article));
        return Optional.of(new Version(timeMap, memento.get(), draft));
    }

    private static ArticleDraft draft(ArticleRevision revision) {
        try {
            return revision.draft();
        } catch (ArticleFileException e) {
            throw new IllegalStateException("A recorded version cannot be read", e);
        }
    }
}
