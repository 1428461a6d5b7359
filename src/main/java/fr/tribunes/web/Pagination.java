package fr.tribunes.web;

import java.util.List;
import org.springframework.data.domain.Page;

/**
 * One page of a list, as templates show it.
 *
 * @param items what this page shows
 * @param number the current page, from 1
 * @param totalPages how many pages the list has (at least 1, even when empty)
 * @param totalItems how many items the whole list has
 */
public record Pagination<T>(List<T> items, int number, int totalPages, long totalItems) {

    /**
     * Wraps a page the database returned. A page past the end is refused: the list is shorter than the visitor
     * thinks, and saying so helps more than an empty page.
     */
    public static <T> Pagination<T> of(Page<T> page, PageNumber requested) {
        int totalPages = Math.max(1, page.getTotalPages());
        if (requested.number() > totalPages) {
            throw new BadRequestException("La page %d n’existe pas : cette liste compte %d page%s."
                    .formatted(requested.number(), totalPages, totalPages > 1 ? "s" : ""));
        }
        return new Pagination<>(page.getContent(), requested.number(), totalPages, page.getTotalElements());
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
