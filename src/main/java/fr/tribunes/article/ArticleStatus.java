package fr.tribunes.article;

/** Whether an op-ed is public. Drafts are never shown anywhere but in the back office. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
