package fr.tribunes.article;

import java.time.Instant;

/** A count of op-eds per key (a theme, an author, an organisation or a year), and when the newest change among them was. */
record KeyCount(Number key, Long count, Instant latest) {

    long keyValue() {
        return key.longValue();
    }
}
