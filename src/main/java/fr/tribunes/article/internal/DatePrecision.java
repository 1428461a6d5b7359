package fr.tribunes.article.internal;

/** How much of a publication date is known. */
enum DatePrecision {
    DAY,
    MONTH,
    YEAR
}
