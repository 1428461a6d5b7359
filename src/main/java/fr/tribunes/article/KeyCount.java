package fr.tribunes.article;

/** A count of op-eds per key (a theme, an author, an organisation or a year). */
record KeyCount(Number key, Long count) {

    long keyValue() {
        return key.longValue();
    }
}
