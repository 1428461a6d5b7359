package fr.tribunes.article;

/** How much of a publication date is known. */
enum DatePrecision {
    DAY,
    MONTH,
    YEAR
}
