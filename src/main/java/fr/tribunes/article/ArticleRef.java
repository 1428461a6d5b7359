package fr.tribunes.article;

/**
 * An op-ed as other features attach things to it: its key, address and title.
 *
 * @param id its key
 * @param slug its address under {@code /tribunes/}
 * @param title its title, as published
 * @param published whether readers can see it (a withdrawn op-ed is a draft again)
 */
public record ArticleRef(long id, String slug, String title, boolean published) {}
