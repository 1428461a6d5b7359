package fr.tribunes.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One block of an op-ed's text, stored as plain text exactly as published. */
@Embeddable
class ArticleBlock {

    enum Kind {
        HEADING,
        PARAGRAPH
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private Kind kind;

    @Column(name = "body")
    private String body;

    protected ArticleBlock() {}

    ArticleBlock(Kind kind, String body) {
        this.kind = kind;
        this.body = body;
    }

    Kind kind() {
        return kind;
    }

    String body() {
        return body;
    }
}
